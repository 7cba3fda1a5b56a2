/**
 * The one error type attachment readers throw. It is permanent (re-reading the same bytes gives the same
 * outcome) and carries a `failure` code so the caller records `status: 'failed'` with a reason it can count.
 * Messages say what was expected and what came, never a stack trace.
 */
import { PermanentError, errorMessage } from '../errors.js';
import type { AttachmentFailure } from './types.js';

export class AttachmentReadError extends PermanentError {
  constructor(
    readonly failure: AttachmentFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps whatever a third-party reader threw into a typed, one-line error naming the format. */
export function asReadError(error: unknown, format: string): AttachmentReadError {
  if (error instanceof AttachmentReadError) return error;
  const detail = oneLine(errorMessage(error));
  if (/password|encrypt/i.test(detail)) {
    return new AttachmentReadError('encrypted', `${format} is encrypted or password-protected (${detail})`);
  }
  return new AttachmentReadError('malformed', `expected a readable ${format}, got: ${detail}`, { cause: error });
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat || 'an error without a message';
}
