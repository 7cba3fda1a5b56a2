import type { IncomingMessage } from 'node:http';
import { PermanentError } from '../errors.js';

/**
 * Reads a response body into one Buffer, stopping at `maxBytes`. Bodies arrive already
 * decompressed, so the bound also defuses gzip bombs.
 */
export async function readBoundedBody(stream: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(stream.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    stream.destroy();
    throw new PermanentError(`${url}: body of ${declared} bytes exceeds the limit of ${maxBytes} bytes (fetch.maxBodyBytes)`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new PermanentError(`${url}: body exceeds the limit of ${maxBytes} bytes (fetch.maxBodyBytes); page skipped`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
