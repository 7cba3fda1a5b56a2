/**
 * DOC and WPS adapter: word-extractor reads Word 97–2003 binary documents (OLE2 `WordDocument` stream
 * with its piece table), which is also what Kingsoft WPS Writer stores in its .wps files. Body text,
 * then footnotes and endnotes, which in notices often carry the legal basis.
 */
import WordExtractor from 'word-extractor';
import { asReadError } from '../errors.js';
import type { Reader } from './reader.js';

export const readWordBinary: Reader = async ({ bytes }) => {
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    const parts = [document.getBody(), document.getFootnotes(), document.getEndnotes()];
    return {
      text: parts
        .map((part) => part.trim())
        .filter(Boolean)
        .join('\n\n'),
    };
  } catch (error) {
    throw asReadError(error, 'Word 97–2003/WPS document');
  }
};
