/** Messages between the caller's thread and a reading worker (structured-clone data only). */
import type { AttachmentReadResult, ReadLimits } from '../types.js';

export interface ReadRequest {
  id: number;
  /** A copy of the caller's bytes, transferred (not cloned) into the worker. */
  bytes: ArrayBuffer;
  limits: ReadLimits;
  ocr: 'auto' | 'off';
}

export interface ReadReply {
  id: number;
  result: AttachmentReadResult;
}
