/**
 * Attachment readers: identify a file from its bytes and read its text in a contained worker thread.
 * A standalone library for now; the crawl, store and search will call it (see docs/attachments.md).
 */
export { identify, mediaTypes } from './identify.js';
export { createAttachmentReader, readAttachment } from './reader.js';
export type { AttachmentReader, AttachmentReaderSettings } from './reader.js';
export { AttachmentReadError } from './errors.js';
export { defaultReadLimits } from './types.js';
export type { AttachmentFailure, AttachmentKind, AttachmentReadResult, AttachmentStatus, Identification, ReadLimits, ReadOptions, ZipMember } from './types.js';
