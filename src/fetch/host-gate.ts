/**
 * Politeness per host, across every source of a run:
 * - **slots**: requests in flight per host; two bureaus whose columns live on the same city portal
 *   still put only `maxConcurrencyPerHost` requests on it at once;
 * - **spacing**: request starts on a host at least `60 / maxRequestsPerMinute` seconds apart (and
 *   robots.txt `Crawl-delay`), a burst of one: twelve requests a minute means one every five
 *   seconds, never nine in the first second. Sources sharing a host share its spacing, the
 *   strictest applying.
 * A waiting request holds nothing but its own slot in its source's crawler, so other hosts go on.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** A robots.txt Crawl-delay beyond this is read as this (one request a minute): a site cannot stall a run. */
export const MAX_CRAWL_DELAY_SECS = 60;

/** Requests a minute as the least time between two request starts on a host (a burst of one). */
export function hostSpacingMs(maxRequestsPerMinute: number): number {
  return 60_000 / maxRequestsPerMinute;
}

export class HostGate {
  private readonly limits = new Map<string, number>();
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Least time between two request starts on a host (the strictest any source asked for). */
  private readonly spacing = new Map<string, number>();
  /** When the next request may start on a host (epoch ms): reserved by each start in turn. */
  private readonly nextStart = new Map<string, number>();

  constructor(private readonly defaultLimit = 1) {}

  /** Sets a host's limit; when several sources name the same host the smallest limit holds. */
  limit(host: string, concurrency: number): void {
    const current = this.limits.get(host);
    this.limits.set(host, current === undefined ? concurrency : Math.min(current, concurrency));
  }

  /** Asks for at least `intervalMs` between request starts on the host; the largest interval asked for holds. */
  space(host: string, intervalMs: number): void {
    if (intervalMs > (this.spacing.get(host) ?? 0)) this.spacing.set(host, intervalMs);
  }

  /**
   * Resolves when the host has a free slot and its spacing allows the next start; the returned
   * release (of the slot) may be called more than once. `intervalMs` is the caller's spacing for
   * the host (see space()).
   */
  async acquire(host: string, intervalMs = 0): Promise<() => void> {
    this.space(host, intervalMs);
    if ((this.active.get(host) ?? 0) >= (this.limits.get(host) ?? this.defaultLimit)) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    await this.waitForTurn(host);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(host);
    };
  }

  /** Reserves the host's next start time (synchronously, so concurrent holders queue up) and waits for it. */
  private async waitForTurn(host: string): Promise<void> {
    const interval = this.spacing.get(host) ?? 0;
    if (interval <= 0) return;
    const now = Date.now();
    const start = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, start + interval);
    if (start > now) await sleep(start - now);
  }

  /** Hands the slot straight to the next waiter, or frees it. */
  private release(host: string): void {
    const queue = this.waiting.get(host);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.waiting.delete(host);
    if (next) {
      next();
      return;
    }
    const count = (this.active.get(host) ?? 1) - 1;
    if (count <= 0) this.active.delete(host);
    else this.active.set(host, count);
  }
}
