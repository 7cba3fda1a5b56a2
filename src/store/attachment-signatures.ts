/**
 * The near-duplicate index of attachment texts (attachment_signatures, attachment_bands): the same
 * shape as the documents' (src/store/duplicates.ts), keyed by the file's sha256 instead of a
 * document id, so src/dedupe's LSH index runs over either.
 */
import type { Db } from './database.js';
import type { DuplicateSignatureTables } from './duplicates.js';
import { statement } from './statements.js';

export function attachmentSignatureTables(db: Db): DuplicateSignatureTables {
  const probe = statement(db, 'SELECT sha256 FROM attachment_bands WHERE band = ? AND bucket = ?', 'pluck');
  const readSignature = statement(db, 'SELECT signature FROM attachment_signatures WHERE sha256 = ?', 'pluck');
  const remove = (sha256: string): void => {
    statement(db, 'DELETE FROM attachment_bands WHERE sha256 = ?').run(sha256);
    statement(db, 'DELETE FROM attachment_signatures WHERE sha256 = ?').run(sha256);
  };
  return {
    idsInBucket: (band, bucket) => probe.all(band, bucket) as string[],
    signatureOf: (sha256) => {
      const stored = readSignature.get(sha256) as Buffer | undefined;
      return stored ? fromLittleEndian(stored) : undefined;
    },
    put: (sha256, signature, shingles, buckets) => {
      remove(sha256);
      statement(db, 'INSERT INTO attachment_signatures (sha256, signature, shingles) VALUES (?, ?, ?)').run(sha256, littleEndian(signature), shingles);
      const insertBand = statement(db, 'INSERT OR IGNORE INTO attachment_bands (band, bucket, sha256) VALUES (?, ?, ?)');
      buckets.forEach((bucket, band) => insertBand.run(band, bucket, sha256));
    },
    remove,
  };
}

function littleEndian(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, index) => buffer.writeUInt32LE(value, index * 4));
  return buffer;
}

function fromLittleEndian(buffer: Buffer): Uint32Array {
  const signature = new Uint32Array(buffer.length / 4);
  for (let index = 0; index < signature.length; index++) signature[index] = buffer.readUInt32LE(index * 4);
  return signature;
}
