import type { ExtractedDocument } from '../extract/types.js';

/** What the crawl hands the store for one fetched document page (the store stage's input record). */
export interface DocumentSnapshot {
  sourceId: string;
  /** Canonical URL of the document. */
  url: string;
  fetchedAt: string;
  httpStatus: number;
  responseHeaders: Record<string, string>;
  etag: string | null;
  lastModified: string | null;
  /** The body exactly as received (before decoding), archived content-addressed. */
  rawBody: Uint8Array;
  /** `fetch: browser`: rawBody is the rendered DOM; this is what the network delivered. */
  originalBody?: Uint8Array;
  charset: string;
  charsetSource: string;
  document: ExtractedDocument;
}

/** What recording a snapshot did. */
export type SnapshotOutcome = 'created' | 'updated' | 'unchanged';

/** A document's row, as the store and its readers see it. */
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
  etag: string | null;
  lastModified: string | null;
  missingCount: number;
  duplicateOf: string | null;
}

/** One stored version, decoded from its row. */
export interface VersionRecord {
  documentId: string;
  version: number;
  contentHash: string;
  title: string;
  publishedDate: string | null;
  fields: Record<string, string>;
  labels: Record<string, string>;
  text: string;
  attachments: { url: string; name: string }[];
  provenance: Record<string, string>;
  fetchedAt: string;
  httpStatus: number;
  responseHeaders: Record<string, string>;
  charset: string;
  charsetSource: string;
  etag: string | null;
  lastModified: string | null;
  rawHash: string;
  runId: number | null;
}
