import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError, RetryableError, errorMessage } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { ChangeEvent } from '../event.js';
import { webhookHeaders } from '../signature.js';
import { redactUrls } from './redact-url.js';
import type { Sink } from './sink.js';

export interface WebhookOptions {
  url: string;
  /** Signing keys (rotation: several); none sends the requests unsigned. */
  secrets: readonly string[];
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  concurrency: number;
  userAgent: string;
}

/** Backoff never waits longer than this between two tries. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * POSTs each event as its JSON body, signed with the secrets (signature.ts: Standard Webhooks
 * headers and the contract's X-Bureau-Watch-Signature). Timeouts, network errors, 408, 429
 * and 5xx are retried with exponential backoff (backoffMs, 2×, 4× …); any other 4xx stops at once
 * (retrying a rejected request does not help), leaving the event for the next delivery run.
 * Logs, errors and stored messages name the URL's origin only: a webhook URL's path often is a
 * secret token (and credentials in it are refused at config load).
 */
export class WebhookSink implements Sink {
  readonly batchSize: number;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly options: WebhookOptions,
    private readonly log: Logger,
  ) {
    this.batchSize = options.concurrency;
  }

  get concurrency(): number {
    return this.options.concurrency;
  }

  async send(event: ChangeEvent, signal: AbortSignal): Promise<void> {
    const body = JSON.stringify(event);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.post(event.id, body, signal);
        return;
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt >= this.options.retries || signal.aborted) throw error;
        const waitMs = Math.min(this.options.backoffMs * 2 ** attempt, MAX_BACKOFF_MS);
        this.log.warn({ sink: this.label, eventId: event.id, attempt: attempt + 1, retryInMs: waitMs }, `webhook delivery failed, retrying: ${error.message}`);
        await sleep(waitMs, undefined, { signal });
      }
    }
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}

  private async post(eventId: string, body: string, signal: AbortSignal): Promise<void> {
    // Signed afresh on every attempt: webhook-timestamp is the time of this request.
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': this.options.userAgent,
      ...webhookHeaders(this.options.secrets, eventId, body),
    };
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
    } catch (error) {
      if (signal.aborted) throw new PermanentError('delivery stopped');
      throw new RetryableError(`no answer from ${this.label}: ${describeFetchError(error)}`);
    }
    await response.body?.cancel();
    if (response.ok) return;
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    const message = `${this.label} answered HTTP ${response.status}, expected 2xx`;
    throw retryable ? new RetryableError(message) : new PermanentError(message);
  }
}

/** fetch() says "fetch failed"; the cause (ECONNREFUSED, timeout) is what helps. */
function describeFetchError(error: unknown): string {
  if ((error as Error)?.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: unknown })?.cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  // fetch's own messages may quote the whole URL (with its token, or credentials): origin only.
  return typeof code === 'string' ? code : redactUrls(errorMessage(cause ?? error));
}
