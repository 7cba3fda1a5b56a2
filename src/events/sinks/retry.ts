/**
 * The retry policy of the networked sinks (chat robots, mail), the same as the webhook's: a
 * RetryableError is tried again after backoffMs, 2×, 4× … (at most 5 minutes), up to `retries`
 * times; any other error ends the attempt at once and leaves the event for the next delivery run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RetryableError } from '../../errors.js';
import type { Logger } from '../../log.js';

const MAX_BACKOFF_MS = 5 * 60_000;

export interface RetryPolicy {
  retries: number;
  backoffMs: number;
}

export interface RetryContext {
  log: Logger;
  /** Names the sink and the event in the warning logged before each retry (never a secret). */
  logFields: Record<string, unknown>;
  signal: AbortSignal;
}

export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, context: RetryContext): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RetryableError) || tries >= policy.retries || context.signal.aborted) throw error;
      const waitMs = Math.min(policy.backoffMs * 2 ** tries, MAX_BACKOFF_MS);
      context.log.warn({ ...context.logFields, attempt: tries + 1, retryInMs: waitMs }, `delivery failed, retrying: ${error.message}`);
      await sleep(waitMs, undefined, { signal: context.signal });
    }
  }
}

/**
 * Spaces calls at least `intervalMs` apart (chat platforms throttle, then mute, faster senders).
 * Counted from the end of one call to the start of the next, so the platform sees the spacing
 * whatever the network's latency: `run` a call through it.
 */
export class Pacer {
  private nextAt = 0;

  constructor(private readonly intervalMs: number) {}

  async run<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const delay = this.nextAt - Date.now();
    if (delay > 0) await sleep(delay, undefined, { signal });
    try {
      return await call();
    } finally {
      this.nextAt = Date.now() + this.intervalMs;
    }
  }
}
