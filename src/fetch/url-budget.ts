/**
 * A queue's page budget for one run: the distinct URLs it admitted (its de-duplication) and at most
 * `limit` of them. Admitting counts a URL when it is queued, not when it is fetched, so what a queue
 * hands to the fetcher (queued, in flight and done together) never exceeds the limit: Crawlee's own
 * maxRequestsPerCrawl counts requests when they finish, letting the ones in flight overshoot it.
 */
import type { QueueBudget } from './types.js';

export class UrlBudget implements QueueBudget {
  private readonly seen = new Set<string>();
  private refusedAny = false;

  constructor(
    /** Distinct URLs admitted per run, at most. */
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * The items whose URL was never admitted, in order, each admitted as it is taken, while the limit
   * allows: reading stops at the first new one that does not fit.
   */
  *admitNew<T extends { url: string }>(items: Iterable<T>): Generator<T> {
    for (const item of items) {
      if (this.seen.has(item.url)) continue;
      if (!this.admit(item.url)) return;
      yield item;
    }
  }

  /** Admits a URL not seen before while the limit allows; false when the limit turned it away. */
  admit(url: string): boolean {
    if (this.seen.size >= this.limit) {
      this.refusedAny = true;
      return false;
    }
    this.seen.add(url);
    return true;
  }

  has(url: string): boolean {
    return this.seen.has(url);
  }

  remaining(): number {
    return Math.max(0, this.limit - this.seen.size);
  }

  /** Distinct URLs admitted in this run. */
  get admitted(): number {
    return this.seen.size;
  }

  /** Some new URL was turned away because the limit was reached: part of the crawl was left out. */
  get refused(): boolean {
    return this.refusedAny;
  }
}
