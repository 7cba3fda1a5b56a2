/** The archive's input: one fetched document page, as the crawl hands it over. */
import type { AttachmentReadResult } from '../attachments/index.js';
import type { ExtractedDocument } from '../extract/types.js';
import type { AttachmentResponseRow, AttachmentUrlState } from '../store/attachments.js';
import type { EncodedBlob } from '../store/blobs.js';
import type { AttachmentEntry, FetchFacts } from '../store/records.js';
import type { ComparedDocument } from './changes.js';

export interface DocumentSnapshot extends FetchFacts {
  sourceId: string;
  /** Canonical URL of the document. */
  url: string;
  /** The body exactly as received (before decoding), archived content-addressed. */
  rawBody: Uint8Array;
  /** `fetch: browser`: rawBody is the rendered DOM; this is what the network delivered. */
  originalBody?: Uint8Array;
  document: ExtractedDocument;
  /**
   * What the crawl found behind each of `document.attachments`, in the same order; absent when
   * attachments are not fetched (the version then records the links alone).
   */
  attachmentOutcomes?: AttachmentOutcome[];
  /** The document in comparison form, with its fingerprint, when prepared ahead (prepare.ts); else computed when stored. */
  compared?: ComparedDocument;
  /** rawBody encoded for `blobs`, when prepared ahead; else encoded when stored. */
  rawBlob?: EncodedBlob;
}

/** What the archive needs of a snapshot to store its attachments. */
export interface SnapshotAttachments {
  document: Pick<ExtractedDocument, 'attachments'>;
  attachmentOutcomes?: AttachmentOutcome[];
}

/** What recording a snapshot did. */
export type SnapshotOutcome = 'created' | 'updated' | 'unchanged';

/** One attachment link, checked: the entry the version records, and what the archive must store for it. */
export interface AttachmentOutcome {
  /** Complete: status, and the file's facts when a file is known (now or from before). */
  entry: AttachmentEntry;
  /** A file new to the archive: its bytes and its reading, stored under its sha256. */
  newFile?: { blob: EncodedBlob; reading: AttachmentReadResult; readAt: string };
  /** A 2xx answer with a body: kept for WARC export. */
  response?: AttachmentResponseRow;
  /** What the URL answered now: validators for the next conditional GET (absent when it was not asked). */
  urlState?: AttachmentUrlState;
}
