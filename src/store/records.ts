/**
 * The store stage's shapes: one row type per table a document lives in. The shapes of the other
 * stages derive from these and from the extract stage's record:
 *   ExtractedDocument (extract) → DocumentSnapshot (crawl → archive) → DocumentRow + VersionRow (store)
 *   → DocumentRecord (the contract's record: export, search, show).
 */
import type { Attachment, ExtractedDocument } from '../extract/types.js';

/** A document's row: its identity and the state between fetches (validators, removal, current version). */
export interface DocumentRow {
  id: string;
  sourceId: string;
  url: string;
  status: 'active' | 'removed';
  firstSeenAt: string;
  lastChangedAt: string;
  lastCheckedAt: string;
  currentVersion: number;
  contentHash: string;
  titleHash: string;
  /** Of the current version's canonical fields (migration 008); null: stored before it. */
  fieldsHash: string | null;
  /** The extractor whose reading of the current version the hashes are (migration 008); null: an older one. */
  keyExtractor: number | null;
  etag: string | null;
  lastModified: string | null;
  missingCount: number;
  duplicateOf: string | null;
}

/** How a page was fetched: stored with each version (WARC export replays it). */
export interface FetchFacts {
  fetchedAt: string;
  httpStatus: number;
  responseHeaders: Record<string, string>;
  etag: string | null;
  lastModified: string | null;
  charset: string;
  charsetSource: string;
}

/**
 * One stored version, decoded from its row: the extracted document as it was then, how it was
 * fetched, and the hash of its raw body in `blobs`. `fields` is read back as stored: keys of any
 * release that wrote them, not only today's canonical keys.
 */
export interface VersionRow extends Omit<ExtractedDocument, 'fields' | 'attachments'>, FetchFacts {
  documentId: string;
  version: number;
  contentHash: string;
  fields: Record<string, string>;
  attachments: AttachmentEntry[];
  rawHash: string;
  /** The extractor release that read it (src/extract/extractor-version.ts); null: stored before migration 008. */
  extractor: number | null;
  runId: number | null;
}

/** What became of an attachment link (the contract's attachment `status`). */
export type AttachmentStatus = 'ok' | 'not-found' | 'too-large' | 'out-of-scope' | 'failed';

/**
 * One attachment of a version as stored in versions.attachments: the link, and the file behind it.
 * Versions recorded before attachments were fetched hold the link only (every other key absent).
 */
export interface AttachmentEntry extends Attachment {
  status?: AttachmentStatus;
  /** Of the bytes served; null when none came (not found, too large, out of scope, a failed fetch). */
  sha256?: string | null;
  size?: number | null;
  mediaType?: string | null;
  /** PDFs: whether a page carries text; null for other kinds. */
  textLayer?: boolean | null;
  textLength?: number;
}
