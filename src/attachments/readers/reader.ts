/**
 * The one interface every format adapter implements. An adapter turns the bytes of one kind of file into
 * text with one third-party library (or, for OFD, a small parser over kept ZIP and XML libraries) and
 * throws AttachmentReadError when it cannot. Adapters run inside the reading worker, never on the
 * caller's thread; limits and the inflate budget come in with the input.
 */
import type { InflateBudget } from '../zip/archive.js';
import type { AttachmentReadResult, ReadLimits } from '../types.js';

export interface ReaderInput {
  bytes: Uint8Array;
  limits: ReadLimits;
  /** Shared by everything inflated while reading this attachment (ZIP members, DOCX parts). */
  budget: InflateBudget;
  ocr: 'auto' | 'off';
  /** Reads a ZIP member in this same worker; only the ZIP adapter uses it (one level deep). */
  readMember?: (bytes: Uint8Array) => Promise<AttachmentReadResult>;
}

export interface ReaderOutput {
  text: string;
  textLayer?: boolean;
  ocr?: boolean;
  truncated?: boolean;
  members?: AttachmentReadResult['members'];
}

export type Reader = (input: ReaderInput) => Promise<ReaderOutput>;
