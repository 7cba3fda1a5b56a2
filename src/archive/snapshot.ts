/** The archive's input: one fetched document page, as the crawl hands it over. */
import type { ExtractedDocument } from '../extract/types.js';
import type { FetchFacts } from '../store/records.js';

export interface DocumentSnapshot extends FetchFacts {
  sourceId: string;
  /** Canonical URL of the document. */
  url: string;
  /** The body exactly as received (before decoding), archived content-addressed. */
  rawBody: Uint8Array;
  /** `fetch: browser`: rawBody is the rendered DOM; this is what the network delivered. */
  originalBody?: Uint8Array;
  document: ExtractedDocument;
}

/** What recording a snapshot did. */
export type SnapshotOutcome = 'created' | 'updated' | 'unchanged';
