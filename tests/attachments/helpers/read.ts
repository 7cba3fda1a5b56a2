/** Reads in the test's own thread (the worker is covered by worker.test.ts), with small test limits. */
import { resolveLimits } from '../../../src/attachments/limits.js';
import { readInProcess } from '../../../src/attachments/read-in-process.js';
import type { AttachmentReadResult, ReadOptions } from '../../../src/attachments/types.js';

export function readHere(bytes: Uint8Array, options: ReadOptions = {}): Promise<AttachmentReadResult> {
  return readInProcess(bytes, { limits: resolveLimits(options), ocr: options.ocr ?? 'off' });
}
