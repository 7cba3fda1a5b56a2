/**
 * Crawlee lives in src/fetch only: run-fetcher.ts holds the run's one HttpCrawler (raw-body-crawler.ts),
 * browser-fetcher.ts a PlaywrightCrawler per browser source. Crawlee decodes bodies by the
 * Content-Type header only and its Cheerio crawler parses every page twice; here HttpCrawler hands
 * over the raw bytes (a Node-native forced encoding is never transcoded) and the decode stage does
 * the rest, parsing once. Crawlee's own storage is in memory and purged each run, and its request
 * queue is replaced by a lean one (run-queue.ts): what must outlive a run is in SQLite.
 */
import type { FetcherOptions, FetchStats, SourceFetcher } from './fetcher-types.js';
import { HostGate } from './host-gate.js';
import { RunFetcher } from './run-fetcher.js';
import type { FetchRequest, QueueBudget, ResultHandler } from './types.js';

export type { FetcherOptions, FetchStats } from './fetcher-types.js';

/**
 * One source fetched alone (`try`, a single fetch, tests): a run of its own with one lane. A crawl
 * of several sources shares one RunFetcher instead.
 */
export class CrawleeFetcher implements SourceFetcher {
  private readonly run_: RunFetcher;
  private readonly source: SourceFetcher;

  constructor(options: FetcherOptions) {
    // Without a run's gate, every host gets the fetcher's own concurrency.
    this.run_ = new RunFetcher({ ...options, gate: options.gate ?? new HostGate(options.maxConcurrency) });
    this.source = this.run_.source(options);
  }

  get budget(): QueueBudget {
    return this.source.budget;
  }

  /**
   * Fetches the requests and everything the handler enqueues; resolves when the queue is drained.
   * A FatalError from the handler (the database cannot be written) stops the crawl and is rethrown.
   */
  async run(initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats> {
    try {
      return await this.source.run(initial, handle);
    } finally {
      await this.run_.close();
    }
  }

  /** Graceful stop: no new requests; the ones in flight finish and their results are handled. */
  async stop(): Promise<void> {
    await this.source.stop();
  }
}
