/**
 * The failed-result shape, shared by the worker (a reader threw) and the caller's thread (the worker
 * timed out or died). Kept apart from the readers so the caller's thread never loads them.
 */
import { AttachmentReadError } from './errors.js';
import type { AttachmentReadResult, Identification } from './types.js';

export function failedResult(identification: Identification, error: unknown): AttachmentReadResult {
  const typed =
    error instanceof AttachmentReadError
      ? error
      : new AttachmentReadError('malformed', `expected a readable ${identification.kind} file, got: ${String(error)}`);
  return { ...identification, status: 'failed', text: '', textLength: 0, failure: typed.failure, error: typed.message };
}
