/**
 * Politeness per host, across every source of a run:
 * - **slots**: requests in flight per host; two bureaus whose columns live on the same city portal
 *   still put only `maxConcurrencyPerHost` requests on it at once;
 * - **spacing**: request starts on a host at least `60 / maxRequestsPerMinute` seconds apart (and
 *   robots.txt `Crawl-delay`), a burst of one: twelve requests a minute means one every five
 *   seconds, never nine in the first second. Sources sharing a host share its spacing, the
 *   strictest applying.
 * A waiting request holds nothing but its own slot in its source's crawler, so other hosts go on.
 * Slots are taken when a request is handled (acquire), spacing is waited for last before it is sent (turn).
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
  /** When the last request started on a host (performance.now()), and the chain of turns waiting there. */
  private readonly lastStart = new Map<string, number>();
  private readonly turns = new Map<string, Promise<void>>();

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

  /** Whether a request could take a slot on the host now (no waiter ahead of it). */
  hasRoom(host: string): boolean {
    return !this.waiting.has(host) && (this.active.get(host) ?? 0) < (this.limits.get(host) ?? this.defaultLimit);
  }

  /**
   * A slot on the host if one is free now, else null: the run's queue hands a request out only
   * with its slot in hand, so no fetch task waits on a busy host while another host has room.
   */
  tryAcquire(host: string): (() => void) | null {
    if (!this.hasRoom(host)) return null;
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    return this.releaser(host);
  }

  /** The least time between request starts on the host, in ms (0 when no source asked for spacing). */
  spacingFor(host: string): number {
    return this.spacing.get(host) ?? 0;
  }

  /** Resolves when the host has a free slot; the returned release may be called more than once. */
  async acquire(host: string): Promise<() => void> {
    if ((this.active.get(host) ?? 0) >= (this.limits.get(host) ?? this.defaultLimit)) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    return this.releaser(host);
  }

  /** A release callable more than once that frees the slot the first time. */
  private releaser(host: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(host);
    };
  }

  /**
   * Resolves when a request may start on the host: at least the host's spacing after the previous
   * start, counted from when that one really started (a start delayed by a busy event loop pushes
   * the next one back too). Call it last before sending; `intervalMs` is the caller's spacing (see space()).
   */
  turn(host: string, intervalMs = 0): Promise<void> {
    this.space(host, intervalMs);
    const previous = this.turns.get(host) ?? Promise.resolve();
    const mine = previous.then(async () => {
      // Checked again after each sleep: sent() may have moved the last start later meanwhile.
      for (let wait = this.waitFor(host); wait > 0; wait = this.waitFor(host)) await sleep(Math.ceil(wait));
      this.lastStart.set(host, performance.now());
    });
    this.turns.set(host, mine);
    return mine;
  }

  /** The request whose turn came last really left now (later than its turn): the next one counts from here. */
  sent(host: string): void {
    this.lastStart.set(host, Math.max(this.lastStart.get(host) ?? 0, performance.now()));
  }

  /** Milliseconds until the host's next start is allowed (a monotonic clock: a wall-clock step neither bursts nor stalls a host). */
  private waitFor(host: string): number {
    return (this.lastStart.get(host) ?? Number.NEGATIVE_INFINITY) + (this.spacing.get(host) ?? 0) - performance.now();
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
