/**
 * The archive's attachment work, kept apart from archive.ts: storing what the crawl found behind a
 * document's attachment links (new files with their text, the responses that delivered them, each
 * URL's validators), comparing them with the current version's, filling in entries that were
 * unknown, and the per-attachment change summary. Runs inside the archive's transaction.
 */
import { paragraphCounts, type AttachmentChange } from '../compare/change-summary.js';
import { comparisonText } from '../compare/comparison-text.js';
import { sha256Hex } from '../hash.js';
import {
  getAttachmentFileFacts,
  getAttachmentText,
  getVersionAttachments,
  insertAttachmentFile,
  insertAttachmentResponse,
  putAttachmentUrlState,
  putVersionAttachments,
  setVersionAttachments,
  type AttachmentFileRow,
} from '../store/attachments.js';
import { putEncodedBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import type { Attachment } from '../extract/types.js';
import type { AttachmentEntry, DocumentRow, VersionRow } from '../store/records.js';
import { compareAttachments, entryKeyWith, type AttachmentComparison } from './attachment-changes.js';
import { indexAttachmentText } from './attachment-duplicates.js';
import type { AttachmentOutcome, DocumentSnapshot, SnapshotAttachments } from './snapshot.js';

/**
 * Stores the snapshot's new files, responses and URL states, and returns the entries its version
 * records: the checked entries, or the links alone when attachments were not fetched.
 */
export function storeAttachments(db: Db, snapshot: SnapshotAttachments): AttachmentEntry[] {
  const outcomes = snapshot.attachmentOutcomes;
  if (!outcomes) return snapshot.document.attachments;
  for (const outcome of outcomes) storeOutcome(db, outcome);
  return outcomes.map((outcome) => outcome.entry);
}

function storeOutcome(db: Db, outcome: AttachmentOutcome): void {
  if (outcome.newFile) {
    const { blob, reading, readAt } = outcome.newFile;
    putEncodedBlob(db, blob);
    const row = fileRow(blob.hash, blob.size, reading, readAt);
    insertAttachmentFile(db, row);
    indexAttachmentText(db, row.sha256, row.text);
  }
  if (outcome.response) insertAttachmentResponse(db, outcome.response);
  if (outcome.urlState) putAttachmentUrlState(db, outcome.urlState);
}

function fileRow(sha256: string, size: number, reading: NonNullable<AttachmentOutcome['newFile']>['reading'], readAt: string): AttachmentFileRow {
  const { kind, mediaType, status, text, textLength, textLayer, failure, error, truncated, ocr, members } = reading;
  return {
    sha256,
    size,
    kind,
    mediaType,
    readStatus: status,
    failure: failure ?? null,
    error: error ?? null,
    textLayer: textLayer ?? null,
    textLength,
    text,
    // The words decide, not the bytes: a PDF re-generated with the same text is the same attachment.
    comparisonHash: textLength > 0 ? sha256Hex(`text:${comparisonText(text)}`) : `bytes:${sha256}`,
    details: { ...(truncated ? { truncated } : {}), ...(ocr ? { ocr } : {}), ...(members ? { members } : {}) },
    readAt,
  };
}

/** What the fetch did to the attachments of the document's current version. */
export function compareWithCurrent(db: Db, existing: DocumentRow, fetched: AttachmentEntry[]): AttachmentComparison {
  const current = getVersionAttachments(db, existing.id, existing.currentVersion) ?? [];
  return compareAttachments(current, fetched, keyOf(db));
}

function keyOf(db: Db) {
  return entryKeyWith((sha256) => getAttachmentFileFacts(db, sha256)?.comparisonHash);
}

/** The current version's entries, now known: same links, their files filled in. */
export function fillInCurrent(db: Db, existing: DocumentRow, fetched: AttachmentEntry[]): void {
  setVersionAttachments(db, existing.id, existing.currentVersion, fetched);
}

/** A new version's attachment rows (version_attachments mirrors versions.attachments). */
export function recordVersionAttachments(db: Db, documentId: string, version: number, entries: AttachmentEntry[]): void {
  if (entries.length > 0) putVersionAttachments(db, documentId, version, entries);
}

/** The per-attachment lines of a change summary. */
export function attachmentChanges(db: Db, comparison: AttachmentComparison): AttachmentChange[] {
  return [
    ...comparison.replaced.map(([before, after]): AttachmentChange => ({ name: after.name, change: 'changed', ...textCounts(db, before, after) })),
    ...comparison.added.map((entry): AttachmentChange => ({ name: entry.name, change: 'added' })),
    ...comparison.removed.map((entry): AttachmentChange => ({ name: entry.name, change: 'removed' })),
  ];
}

/** Between two stored versions' entries (`history`). */
export function attachmentChangesBetween(db: Db, before: AttachmentEntry[], after: AttachmentEntry[]): AttachmentChange[] {
  const comparison = compareAttachments(before, after, keyOf(db));
  return comparison.changed ? attachmentChanges(db, comparison) : [];
}

function textCounts(db: Db, before: AttachmentEntry, after: AttachmentEntry): { paragraphsAdded?: number; paragraphsRemoved?: number } {
  const [a, b] = [before.sha256 ? getAttachmentText(db, before.sha256) : '', after.sha256 ? getAttachmentText(db, after.sha256) : ''];
  return a || b ? paragraphCounts(a ?? '', b ?? '') : {};
}

/** A stored version as a snapshot fetched again at `fetchedAt` (a page that answered 304, with new attachments). */
export function replayVersion(
  current: VersionRow,
  at: Pick<DocumentSnapshot, 'sourceId' | 'url' | 'fetchedAt'>,
  rawBody: Uint8Array,
  links: Attachment[],
): DocumentSnapshot {
  return {
    ...at,
    rawBody,
    httpStatus: current.httpStatus,
    responseHeaders: current.responseHeaders,
    etag: current.etag,
    lastModified: current.lastModified,
    charset: current.charset,
    charsetSource: current.charsetSource,
    document: {
      title: current.title,
      publishedDate: current.publishedDate,
      fields: current.fields,
      labels: current.labels,
      text: current.text,
      attachments: links,
      provenance: current.provenance,
    },
  };
}
