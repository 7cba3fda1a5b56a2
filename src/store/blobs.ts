import { sha256Hex } from '../hash.js';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants, type BrotliOptions } from 'node:zlib';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** Quality 5 brotli, the one setting of every blob: ~4× on HTML, fast enough for the write path. */
function brotliOptions(bytes: Uint8Array): BrotliOptions {
  return { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } };
}

/** Bodies smaller than this are stored as they are: compression would not pay. */
const COMPRESS_MIN_BYTES = 256;

/**
 * Stores raw bytes content-addressed and returns their hash. Identical bodies are stored once,
 * so re-fetching an unchanged page costs no new blob. Quality 5 brotli: ~4× on HTML, fast enough
 * to sit on the crawl's write path.
 */
export function putBlob(db: Db, bytes: Uint8Array): string {
  const hash = sha256Hex(bytes);
  const exists = statement(db, 'SELECT 1 FROM blobs WHERE hash = ?').get(hash);
  if (exists) return hash;
  return putEncodedBlob(db, encodePageBody(bytes, hash));
}

/**
 * A page body encoded as putBlob stores it (quality 5 brotli from 256 bytes on), without the
 * database: a page worker encodes it while the writer is busy, and putEncodedBlob stores it.
 */
export function encodePageBody(bytes: Uint8Array, hash = sha256Hex(bytes)): EncodedBlob {
  const compress = bytes.byteLength >= COMPRESS_MIN_BYTES;
  const data = compress ? brotliCompressSync(bytes, brotliOptions(bytes)) : Buffer.from(bytes);
  return { hash, compression: compress ? 'br' : 'none', size: bytes.byteLength, data };
}

export function getBlob(db: Db, hash: string): Buffer | null {
  const row = statement(db, 'SELECT compression, data FROM blobs WHERE hash = ?').get(hash) as { compression: string; data: Buffer } | undefined;
  if (!row) return null;
  return row.compression === 'br' ? brotliDecompressSync(row.data) : row.data;
}

/** Bytes ready for `blobs`: hashed and, when that paid, compressed. */
export interface EncodedBlob {
  hash: string;
  compression: 'br' | 'none';
  /** Uncompressed bytes. */
  size: number;
  data: Buffer;
}

const brotliAsync = promisify(brotliCompress);
/** Compressed data must save at least this share of the bytes to be kept compressed. */
const WORTHWHILE_SAVING = 0.1;

/**
 * Encodes bytes for `blobs` off the event loop (brotli runs on libuv's thread pool), so a 50 MB
 * attachment does not stall the crawl; `compress: false` skips formats that are compressed already
 * (PDF, ZIP-based Office files, images). Kept compressed only when that saves 10 %.
 */
export async function encodeBlob(bytes: Uint8Array, options: { compress: boolean }): Promise<EncodedBlob> {
  const hash = sha256Hex(bytes);
  const plain: EncodedBlob = { hash, compression: 'none', size: bytes.byteLength, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  if (!options.compress || bytes.byteLength < COMPRESS_MIN_BYTES) return plain;
  const data = await brotliAsync(bytes, brotliOptions(bytes));
  return data.byteLength <= bytes.byteLength * (1 - WORTHWHILE_SAVING) ? { ...plain, compression: 'br', data } : plain;
}

/** Stores an encoded blob unless its hash is there already; returns the hash. */
export function putEncodedBlob(db: Db, blob: EncodedBlob): string {
  statement(db, 'INSERT OR IGNORE INTO blobs (hash, compression, size, data) VALUES (?, ?, ?, ?)').run(blob.hash, blob.compression, blob.size, blob.data);
  return blob.hash;
}
