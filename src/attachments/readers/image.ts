/**
 * Image adapter: images carry no text of their own; with OCR on and a system tesseract, the recognised
 * text is returned (marked `ocr: true`), else the empty string.
 */
import { ocrImage } from '../ocr.js';
import type { Reader } from './reader.js';

export const readImage: Reader = async ({ bytes, ocr, limits }) => {
  if (ocr === 'off') return { text: '' };
  const recognised = await ocrImage(bytes, limits.timeoutMs).catch(() => undefined);
  return recognised === undefined ? { text: '' } : { text: recognised, ocr: true };
};
