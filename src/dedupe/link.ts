import type { Db } from '../store/database.js';
import { DuplicateIndex, fingerprintOfComparison, type DuplicateMatch } from './lsh-index.js';
import { statement } from '../store/statements.js';

/** Where a document stands after linking: the cluster's original, and the documents it matched. */
export interface DuplicateLink {
  /** The earliest copy this document duplicates, or null when it is the original (or unique). */
  duplicateOf: string | null;
  /** The cluster's original: `duplicateOf`, or the document itself. */
  root: string;
  matches: DuplicateMatch[];
}

interface RankedDocument {
  id: string;
  firstSeenAt: string;
  publishedDate: string | null;
}

/**
 * Links a document (just created, or with new text) to the copies it duplicates. Every copy points
 * at the cluster's earliest document: the one published first (undated copies, typical of
 * content farms, rank last), ties broken by first seen. When the new document is earlier than the
 * cluster's original (the official page crawled after its repost), the cluster is re-rooted on it.
 * Runs inside the transaction that stores the version; `comparison` is the text's comparison form.
 */
export function linkDuplicates(db: Db, documentId: string, comparison: string, contentHash: string): DuplicateLink {
  const index = new DuplicateIndex(db);
  const print = fingerprintOfComparison(comparison);
  if (!print) {
    index.remove(documentId);
    setDuplicateOf(db, documentId, null);
    return { duplicateOf: null, root: documentId, matches: [] };
  }
  const { matches } = index.lookup(print, { excludeId: documentId });
  index.put(documentId, print);
  const matchedIds = new Set([...matches.map((match) => match.documentId), ...exactCopies(db, documentId, contentHash)]);
  const roots = rootsOf(db, [...matchedIds]).filter((root) => root !== documentId);
  if (roots.length === 0) {
    if (currentDuplicateOf(db, documentId) !== null) setDuplicateOf(db, documentId, null);
    return { duplicateOf: null, root: documentId, matches };
  }
  const [earliest, ...later] = rankDocuments(db, [documentId, ...roots]);
  const root = earliest!.id;
  for (const other of later) {
    statement(db, 'UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?').run(root, other.id, other.id);
  }
  setDuplicateOf(db, root, null);
  return { duplicateOf: root === documentId ? null : root, root, matches };
}

/** The cluster a document belongs to: its original and every copy of it. */
export function clusterMembers(db: Db, root: string): string[] {
  return statement(db, 'SELECT id FROM documents WHERE id = ? OR duplicate_of = ?', 'pluck').all(root, root) as string[];
}

/** Same comparison text elsewhere: found by hash even before the document had a signature. */
function exactCopies(db: Db, documentId: string, contentHash: string): string[] {
  return statement(db, 'SELECT id FROM documents WHERE content_hash = ? AND id <> ?', 'pluck').all(contentHash, documentId) as string[];
}

function rootsOf(db: Db, ids: string[]): string[] {
  const root = statement(db, 'SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?', 'pluck');
  return [...new Set(ids.map((id) => root.get(id) as string | undefined).filter((id): id is string => id !== undefined))];
}

function rankDocuments(db: Db, ids: string[]): RankedDocument[] {
  const read = statement(db, 
    `SELECT d.id, d.first_seen_at AS firstSeenAt, v.published_date AS publishedDate
     FROM documents d LEFT JOIN versions v ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?`,
  );
  const docs = ids.map((id) => read.get(id) as RankedDocument | undefined).filter((doc): doc is RankedDocument => doc !== undefined);
  return docs.sort((a, b) =>
    (a.publishedDate ?? '9999').localeCompare(b.publishedDate ?? '9999')
    || a.firstSeenAt.localeCompare(b.firstSeenAt)
    || a.id.localeCompare(b.id));
}

function currentDuplicateOf(db: Db, documentId: string): string | null {
  return (statement(db, 'SELECT duplicate_of FROM documents WHERE id = ?', 'pluck').get(documentId) as string | null | undefined) ?? null;
}

function setDuplicateOf(db: Db, documentId: string, duplicateOf: string | null): void {
  statement(db, 'UPDATE documents SET duplicate_of = ? WHERE id = ?').run(duplicateOf, documentId);
}
