import { Request, type RequestOptions, type Source } from '@crawlee/core';
import type { QueueBudget } from './types.js';
import { UrlBudget } from './url-budget.js';

/**
 * The crawl's request queue, used by Crawlee in place of its in-memory RequestQueue. That one keeps
 * every request it ever saw, handled or not, as a serialized Request: about 2.7 KB each, 27 MB at
 * 10,000 documents and growing with the source. This one keeps pending requests as the crawl's own
 * small records, builds a Crawlee Request only when one is fetched, forgets it once handled, and
 * remembers a URL only as a set entry for de-duplication. First in, first out: a column's next
 * list page waits behind the documents its page listed, so the queue stays about one page deep.
 * Nothing outlives the run; a killed run starts over from the archive.
 *
 * It is also the run's page budget (url-budget.ts): at most `limit` distinct URLs.
 */
export class LeanRequestQueue<T extends { url: string }> implements QueueBudget {
  private pending: (T | Request | undefined)[] = [];
  private head = 0;
  private readonly budget: UrlBudget;
  private inProgress = 0;
  private handled = 0;
  /** Set by Crawlee on the queue it is given; unused here. */
  internalTimeoutMillis = 0;
  requestLockSecs = 0;

  constructor(
    private readonly toRequest: (item: T) => Request,
    /** Distinct URLs admitted per run, at most. */
    limit = Number.POSITIVE_INFINITY,
  ) {
    this.budget = new UrlBudget(limit);
  }

  /**
   * Queues, in order, the items whose URL was never queued in this run, while the limit allows;
   * returns how many were new. Stops reading the items at the first new one that does not fit.
   */
  add(items: Iterable<T>): number {
    let added = 0;
    for (const item of this.budget.admitNew(items)) {
      this.pending.push(item);
      added++;
    }
    return added;
  }

  has(url: string): boolean {
    return this.budget.has(url);
  }

  remaining(): number {
    return this.budget.remaining();
  }

  /** Some new URL was turned away because the limit was reached: part of the crawl was left out. */
  get refused(): boolean {
    return this.budget.refused;
  }

  // Crawlee's IRequestManager, as BasicCrawler uses it.

  async isFinished(): Promise<boolean> {
    return this.waiting() === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.waiting() === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.budget.admitted;
  }

  getPendingCount(): number {
    return this.waiting() + this.inProgress;
  }

  async fetchNextRequest(): Promise<Request | null> {
    if (this.waiting() === 0) return null;
    const item = this.pending[this.head] as T | Request;
    this.pending[this.head++] = undefined;
    this.compact();
    this.inProgress++;
    return item instanceof Request ? item : this.toRequest(item);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (let request = await this.fetchNextRequest(); request; request = await this.fetchNextRequest()) yield request;
  }

  async markRequestHandled(_request: Request): Promise<null> {
    this.inProgress--;
    this.handled++;
    return null;
  }

  /** A request to retry keeps its Request object (and so its retry count). */
  async reclaimRequest(request: Request, options?: { forefront?: boolean }): Promise<null> {
    this.inProgress--;
    if (options?.forefront && this.head > 0) this.pending[--this.head] = request;
    else if (options?.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return null;
  }

  /** For `crawler.addRequests()`; the crawl itself uses `add()`. */
  async addRequest(
    source: Source,
  ): Promise<{ uniqueKey: string; forefront: boolean; wasAlreadyPresent: boolean; wasAlreadyHandled: boolean; requestId: string }> {
    const request = source instanceof Request ? source : new Request(source as RequestOptions);
    const wasAlreadyPresent = this.budget.has(request.uniqueKey);
    // Over the limit, a new request is dropped, as Crawlee drops requests beyond maxRequestsPerCrawl.
    if (!wasAlreadyPresent && this.budget.admit(request.uniqueKey)) this.pending.push(request);
    return { uniqueKey: request.uniqueKey, forefront: false, wasAlreadyPresent, wasAlreadyHandled: false, requestId: request.uniqueKey };
  }

  async addRequestsBatched(sources: Iterable<Source | string> | AsyncIterable<Source | string>) {
    const added = [];
    for await (const source of sources) added.push(await this.addRequest(typeof source === 'string' ? { url: source } : source));
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]) };
  }

  private waiting(): number {
    return this.pending.length - this.head;
  }

  /** Drops the consumed front of the array now and then, so it never holds the run's history. */
  private compact(): void {
    if (this.head >= 1024 && this.head * 2 >= this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
  }
}
