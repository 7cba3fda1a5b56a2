/**
 * Requests in flight per host, across every source of a run: two bureaus whose columns live on
 * the same city portal still put only `maxConcurrencyPerHost` requests on it at once. A waiting
 * request holds nothing but its own slot in its source's crawler, so other hosts go on.
 */
export class HostGate {
  private readonly limits = new Map<string, number>();
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly defaultLimit = 1) {}

  /** Sets a host's limit; when several sources name the same host the smallest limit holds. */
  limit(host: string, concurrency: number): void {
    const current = this.limits.get(host);
    this.limits.set(host, current === undefined ? concurrency : Math.min(current, concurrency));
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
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(host);
    };
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
