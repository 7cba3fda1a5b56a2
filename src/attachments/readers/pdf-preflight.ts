/**
 * PDF bomb check before pdf.js sees the file. pdf.js inflates content, font and object streams into
 * ArrayBuffers, which live outside the V8 heap and so outside the worker's resourceLimits: a 300 KB PDF
 * whose content stream inflates to 300 MB took 600 MB of memory and 18 s to read as blank. So every
 * Flate stream that text extraction would decode is inflated here first, streaming and discarding,
 * and charged to the file's inflate budget; past it the read fails as 'too-large'.
 *
 * The scan is lexical (find `stream` … `endstream`, look at the dictionary before it): damaged files
 * are pdf.js's business, this only has to find what inflates. Image streams are skipped, since text
 * extraction never decodes them. Not covered: LZW streams and Flate behind another filter.
 */
import { createInflate } from 'node:zlib';
import { AttachmentReadError } from '../errors.js';
import type { InflateBudget } from '../zip/archive.js';

/** How far before `stream` to look for the stream's dictionary. */
const dictionaryWindow = 2048;

export async function preflightPdf(bytes: Uint8Array, budget: InflateBudget): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { start, end } of flateStreams(buffer)) {
    const inflated = await inflatedSize(buffer.subarray(start, end), budget.remaining);
    budget.remaining -= inflated;
    if (budget.remaining < 0) {
      throw new AttachmentReadError(
        'too-large',
        `expected at most ${budget.limit} inflated bytes in this PDF's streams, got more: a PDF bomb or an oversized file`,
      );
    }
  }
}

function* flateStreams(buffer: Buffer): Generator<{ start: number; end: number }> {
  let at = buffer.indexOf('stream', 0, 'latin1');
  while (at >= 0) {
    const isKeyword = buffer[at - 1] !== 0x64; // not the tail of "endstream"
    const dataStart = afterEndOfLine(buffer, at + 6);
    const dataEnd = buffer.indexOf('endstream', dataStart, 'latin1');
    if (dataEnd < 0) return;
    if (isKeyword && dataStart >= 0) {
      const dictionary = buffer.toString('latin1', Math.max(0, at - dictionaryWindow), at);
      const ownDictionary = dictionary.slice(dictionary.lastIndexOf(' obj') + 1);
      if (/\/Fl(ateDecode)?\b/.test(ownDictionary) && !/\/Subtype\s*\/Image\b/.test(ownDictionary)) {
        yield { start: dataStart, end: dataEnd };
      }
    }
    at = buffer.indexOf('stream', dataEnd + 9, 'latin1');
  }
}

/** Stream data begins after the end-of-line that follows the keyword (CRLF or LF). */
function afterEndOfLine(buffer: Buffer, at: number): number {
  if (buffer[at] === 0x0d && buffer[at + 1] === 0x0a) return at + 2;
  if (buffer[at] === 0x0a || buffer[at] === 0x0d) return at + 1;
  return -1;
}

/** Inflated length of a zlib stream, counted without keeping it; stops once past `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let total = 0;
    const done = () => {
      inflate.removeAllListeners();
      inflate.on('error', () => undefined);
      inflate.destroy();
      resolve(total);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) done();
    });
    // A damaged stream counts for what inflated before the damage; pdf.js decides what to do with it.
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(data);
  });
}
