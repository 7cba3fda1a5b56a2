/**
 * The near-duplicate index's tables (duplicate_signatures, duplicate_bands) and the duplicate links
 * between documents (documents.duplicate_of). Storage only: src/dedupe computes signatures and
 * buckets, src/archive decides which copy is the original.
 */
import type { Db } from './database.js';
import { statement } from './statements.js';

/**
 * The signature rows behind src/dedupe's LSH index (it declares the same shape as its
 * `SignatureStore`). Signatures are stored as little-endian uint32 BLOBs.
 */
export interface DuplicateSignatureTables {
  idsInBucket(band: number, bucket: number): string[];
  signatureOf(documentId: string): Uint32Array | undefined;
  put(documentId: string, signature: Uint32Array, shingles: number, buckets: number[]): void;
  remove(documentId: string): void;
}

export function duplicateSignatureTables(db: Db): DuplicateSignatureTables {
  const probe = statement(db, 'SELECT document_id FROM duplicate_bands WHERE band = ? AND bucket = ?', 'pluck');
  const readSignature = statement(db, 'SELECT signature FROM duplicate_signatures WHERE document_id = ?', 'pluck');
  const remove = (documentId: string): void => {
    statement(db, 'DELETE FROM duplicate_bands WHERE document_id = ?').run(documentId);
    statement(db, 'DELETE FROM duplicate_signatures WHERE document_id = ?').run(documentId);
  };
  return {
    idsInBucket: (band, bucket) => probe.all(band, bucket) as string[],
    signatureOf: (documentId) => {
      const stored = readSignature.get(documentId) as Buffer | undefined;
      return stored ? decodeSignature(stored) : undefined;
    },
    put: (documentId, signature, shingles, buckets) => {
      remove(documentId);
      statement(db, 'INSERT INTO duplicate_signatures (document_id, signature, shingles) VALUES (?, ?, ?)').run(
        documentId,
        encodeSignature(signature),
        shingles,
      );
      const insertBand = statement(db, 'INSERT OR IGNORE INTO duplicate_bands (band, bucket, document_id) VALUES (?, ?, ?)');
      buckets.forEach((bucket, band) => insertBand.run(band, bucket, documentId));
    },
    remove,
  };
}

/** What decides which copy of a document is the original: its publication date, then when it was first seen. */
export interface OriginalityFacts {
  id: string;
  firstSeenAt: string;
  publishedDate: string | null;
}

export function originalityFacts(db: Db, ids: string[]): OriginalityFacts[] {
  const read = statement(
    db,
    `SELECT d.id, d.first_seen_at AS firstSeenAt, v.published_date AS publishedDate
     FROM documents d LEFT JOIN versions v ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?`,
  );
  return ids.map((id) => read.get(id) as OriginalityFacts | undefined).filter((doc): doc is OriginalityFacts => doc !== undefined);
}

/** Same comparison text elsewhere: found by hash even before the document had a signature. */
export function documentsWithContentHash(db: Db, contentHash: string, exceptId: string): string[] {
  return statement(db, 'SELECT id FROM documents WHERE content_hash = ? AND id <> ?', 'pluck').all(contentHash, exceptId) as string[];
}

/** The original of each document's cluster (the document itself when it is nobody's copy), without repeats. */
export function clusterRoots(db: Db, ids: string[]): string[] {
  const root = statement(db, 'SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?', 'pluck');
  return [...new Set(ids.map((id) => root.get(id) as string | undefined).filter((id): id is string => id !== undefined))];
}

/** The cluster a document belongs to: its original and every copy of it. */
export function clusterMembers(db: Db, root: string): string[] {
  return statement(db, 'SELECT id FROM documents WHERE id = ? OR duplicate_of = ?', 'pluck').all(root, root) as string[];
}

export function duplicateOf(db: Db, documentId: string): string | null {
  return (statement(db, 'SELECT duplicate_of FROM documents WHERE id = ?', 'pluck').get(documentId) as string | null | undefined) ?? null;
}

export function setDuplicateOf(db: Db, documentId: string, original: string | null): void {
  statement(db, 'UPDATE documents SET duplicate_of = ? WHERE id = ?').run(original, documentId);
}

/** Moves a whole cluster (`formerRoot` and its copies) under another original. */
export function reRootCluster(db: Db, formerRoot: string, root: string): void {
  statement(db, 'UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?').run(root, formerRoot, formerRoot);
}

function encodeSignature(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, index) => buffer.writeUInt32LE(value, index * 4));
  return buffer;
}

function decodeSignature(buffer: Buffer): Uint32Array {
  const signature = new Uint32Array(buffer.length / 4);
  for (let index = 0; index < signature.length; index++) signature[index] = buffer.readUInt32LE(index * 4);
  return signature;
}
