/**
 * Links a document (just created, or with new text) to the copies it duplicates. Every copy points
 * at the cluster's earliest document: the one published first (undated copies, typical of content
 * farms, rank last), ties broken by first seen. When the new document is earlier than the cluster's
 * original (the official page crawled after its repost), the cluster is re-rooted on it.
 * Runs inside the transaction that stores the version.
 */
import { DuplicateIndex, fingerprintOfComparison, type DuplicateMatch } from '../dedupe/lsh-index.js';
import type { Db } from '../store/database.js';
import {
  clusterRoots, documentsWithContentHash, duplicateOf, duplicateSignatureTables, originalityFacts, reRootCluster, setDuplicateOf,
  type OriginalityFacts,
} from '../store/duplicates.js';

/** Where a document stands after linking: the cluster's original, and the documents it matched. */
export interface DuplicateLink {
  /** The earliest copy this document duplicates, or null when it is the original (or unique). */
  duplicateOf: string | null;
  /** The cluster's original: `duplicateOf`, or the document itself. */
  root: string;
  matches: DuplicateMatch[];
}

/** `comparison` is the text's comparison form, `contentHash` its hash. */
export function linkDuplicates(db: Db, documentId: string, comparison: string, contentHash: string): DuplicateLink {
  const index = new DuplicateIndex(duplicateSignatureTables(db));
  const print = fingerprintOfComparison(comparison);
  if (!print) {
    index.remove(documentId);
    setDuplicateOf(db, documentId, null);
    return { duplicateOf: null, root: documentId, matches: [] };
  }
  const { matches } = index.lookup(print, { excludeId: documentId });
  index.put(documentId, print);
  const matchedIds = new Set([...matches.map((match) => match.documentId), ...documentsWithContentHash(db, contentHash, documentId)]);
  const roots = clusterRoots(db, [...matchedIds]).filter((root) => root !== documentId);
  if (roots.length === 0) {
    if (duplicateOf(db, documentId) !== null) setDuplicateOf(db, documentId, null);
    return { duplicateOf: null, root: documentId, matches };
  }
  const [earliest, ...later] = originalityFacts(db, [documentId, ...roots]).sort(byOriginality);
  const root = earliest!.id;
  for (const other of later) reRootCluster(db, other.id, root);
  setDuplicateOf(db, root, null);
  return { duplicateOf: root === documentId ? null : root, root, matches };
}

/** Published first wins (undated last), then first seen, then id: a total order, so every run agrees. */
function byOriginality(a: OriginalityFacts, b: OriginalityFacts): number {
  return (a.publishedDate ?? '9999').localeCompare(b.publishedDate ?? '9999')
    || a.firstSeenAt.localeCompare(b.firstSeenAt)
    || a.id.localeCompare(b.id);
}
