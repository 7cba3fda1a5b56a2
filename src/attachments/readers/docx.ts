/**
 * DOCX adapter: mammoth's raw-text extraction (paragraphs separated by blank lines). The container is
 * preflighted under the inflate budget because mammoth unzips it on its own.
 */
import mammoth from 'mammoth';
import { asReadError } from '../errors.js';
import { preflightZip } from './preflight.js';
import type { Reader } from './reader.js';

export const readDocx: Reader = async (input) => {
  await preflightZip(input, 'DOCX');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(input.bytes) });
    return { text: value.trim() };
  } catch (error) {
    throw asReadError(error, 'DOCX');
  }
};
