/**
 * The vocabulary of the attachment readers: what a file is (kind + media type, decided from its bytes),
 * the limits a read runs under, and what a read returns. The crawl, store and search will consume these
 * shapes later, so they are plain JSON-serialisable data (they also cross the worker-thread boundary).
 */

export type AttachmentKind =
  'pdf' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'wps' | 'xls' | 'et' | 'ppt' | 'ole2' | 'ofd' | 'zip' | 'rar' | '7z' | 'image' | 'other';

export interface Identification {
  kind: AttachmentKind;
  mediaType: string;
}

export type AttachmentStatus = 'ok' | 'failed';

/** Why a read failed; lets a caller count and report failures without parsing messages. */
export type AttachmentFailure = 'malformed' | 'encrypted' | 'too-large' | 'timeout' | 'out-of-memory' | 'worker-crashed';

export interface ReadLimits {
  /** Wall-clock cap for one file, worker start included. */
  timeoutMs: number;
  /** V8 heap cap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  maxHeapMb: number;
  /** Cap on bytes inflated out of ZIP containers (DOCX, XLSX, OFD, ZIP), summed over the file. */
  maxDecompressedBytes: number;
  /** Text beyond this many UTF-16 units is cut off and `truncated` is set. */
  maxTextChars: number;
  /** ZIPs with more members than this are listed up to the cap and not read further. */
  maxZipMembers: number;
  /** PDF pages beyond this are not read (text is marked truncated). */
  maxPdfPages: number;
}

export interface ReadOptions extends Partial<ReadLimits> {
  /** 'auto' OCRs PDFs without a text layer, and images, when a `tesseract` binary is on PATH. */
  ocr?: 'auto' | 'off';
}

export interface ZipMember {
  /** Member path, decoded as UTF-8 when the entry says so, else as GBK (what Chinese Windows writes). */
  name: string;
  size: number;
  kind: AttachmentKind;
  mediaType: string;
  status: AttachmentStatus | 'skipped';
  textLength: number;
  textLayer?: boolean;
  error?: string;
}

export interface AttachmentReadResult {
  kind: AttachmentKind;
  mediaType: string;
  status: AttachmentStatus;
  /** Extracted text ('' when the kind has none or the read failed). */
  text: string;
  textLength: number;
  /** PDFs only: whether any page carries text (false for scans). */
  textLayer?: boolean;
  /** Set when the text came from OCR rather than the file's own text. */
  ocr?: boolean;
  /** The text was cut at `maxTextChars` (or pages at `maxPdfPages`). */
  truncated?: boolean;
  /** ZIPs only: the members, with the outcome of reading each. */
  members?: ZipMember[];
  /** status 'failed' only. */
  failure?: AttachmentFailure;
  error?: string;
}

export const defaultReadLimits: ReadLimits = {
  timeoutMs: 30_000,
  maxHeapMb: 512,
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxTextChars: 5_000_000,
  maxZipMembers: 2_000,
  maxPdfPages: 2_000,
};
