import { NonRetryableError } from '@crawlee/core';
import { BureauWatchError, PermanentError, RetryableError, errorMessage } from '../errors.js';
import { accessError, classifyAccessFailure } from './access-errors.js';
import { redactSecrets, type SiteAccess } from './site-access.js';

/** What a failed request looks like to Crawlee's retry machinery. */
// A body cut off mid-way ("The server aborted pending request", "premature close") is a dropped connection too.
const RETRYABLE_MESSAGE =
  /^5\d\d\b|timed out|timeout|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|ETIMEDOUT|EAI_AGAIN|aborted pending request|premature close/i;
const MAX_BACKOFF_MS = 60_000;

/**
 * Crawlee reports plain Errors; turn them into our kinds so the crawl decides without parsing
 * text. Only 5xx answers, timeouts and dropped connections are worth another try.
 */
export function classifyError(error: Error, url: string): BureauWatchError {
  if (error instanceof BureauWatchError) return error;
  const message = errorMessage(error);
  if (error instanceof NonRetryableError) return new PermanentError(message);
  if (RETRYABLE_MESSAGE.test(message)) return new RetryableError(`${url}: ${message}`);
  return new PermanentError(`${url}: ${message}`);
}

/**
 * classifyError for a source's requests: a transport failure becomes an access error with its
 * class and fix (see access-errors.ts); any other message loses the proxy's credentials.
 */
export function classifyFetchError(error: Error, url: string, access: SiteAccess): BureauWatchError {
  if (error instanceof BureauWatchError) return error;
  const failure = classifyAccessFailure(error, url, access);
  if (failure) return accessError(failure);
  const plain = classifyError(error, url);
  const message = redactSecrets(plain.message, access);
  return plain.kind === 'retryable' ? new RetryableError(message) : new PermanentError(message);
}

/**
 * Delay before retry number `retryCount + 1`: exponential from `baseMs`, with ±20% jitter so
 * requests that failed together do not come back together. Capped at a minute.
 */
export function backoffDelayMs(retryCount: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** retryCount, MAX_BACKOFF_MS);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
