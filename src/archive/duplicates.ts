/**
 * Links a document (just created, or with new text) to the copies it duplicates. Every copy points
 * at the cluster's earliest document: the one published first (undated copies, typical of content
 * farms, rank last), ties broken by first seen. When the new document is earlier than the cluster's
 * original (the official page crawled after its repost), the cluster is re-rooted on it.
 * Runs inside the transaction that stores the version.
 */
import { DuplicateIndex, fingerprintOfComparison, type DuplicateMatch } from '../dedupe/lsh-index.js';
import type { Db } from '../store/database.js';
import type { ComparedDocument } from './changes.js';
import { documentsInlining, documentsWithAttachmentLike } from './attachment-duplicates.js';
import {
  clusterRoots,
  documentsWithContentHash,
  duplicateOf,
  duplicateSignatureTables,
  originalityFacts,
  reRootCluster,
  setDuplicateOf,
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

/**
 * `compared` is the text's comparison form and hash (and its fingerprint when computed ahead); `attachmentFiles` the sha256
 * of the document's attachments, whose texts link it to pages that inline them (and the page's text
 * to documents whose attachment it inlines: attachment-duplicates.ts).
 */
export function linkDuplicates(db: Db, documentId: string, compared: ComparedDocument, attachmentFiles: string[] = []): DuplicateLink {
  const { contentHash } = compared;
  const index = new DuplicateIndex(duplicateSignatureTables(db));
  const print = compared.fingerprint !== undefined ? compared.fingerprint : fingerprintOfComparison(compared.comparison);
  let matches: DuplicateMatch[] = [];
  const matchedIds = new Set(documentsInlining(db, attachmentFiles, documentId));
  if (print) {
    matches = index.lookup(print, { excludeId: documentId }).matches;
    index.put(documentId, print);
    for (const id of [...matches.map((match) => match.documentId), ...documentsWithContentHash(db, contentHash, documentId)]) matchedIds.add(id);
    for (const id of documentsWithAttachmentLike(db, print, documentId)) matchedIds.add(id);
  } else {
    index.remove(documentId);
  }
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
  return (a.publishedDate ?? '9999').localeCompare(b.publishedDate ?? '9999') || a.firstSeenAt.localeCompare(b.firstSeenAt) || a.id.localeCompare(b.id);
}
