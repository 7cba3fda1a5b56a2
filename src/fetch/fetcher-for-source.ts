import type { Config, SourceConfig } from '../config/schema.js';
import { CrawleeFetcher, type FetcherOptions, type FetchStats } from './crawlee-fetcher.js';
import { siteAccessOf } from './run-access.js';
import type { FetchRequest, QueueBudget, ResultHandler } from './types.js';

/** What the crawl needs of a fetcher, whichever way it fetches. */
export interface SourceFetcher {
  readonly budget: QueueBudget;
  run(initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats>;
  stop(): Promise<void>;
}

/**
 * The fetcher a source asks for: plain HTTP (Crawlee's HttpCrawler), or a system Chromium driven
 * by Crawlee's PlaywrightCrawler for `fetch: browser`. The browser stack is imported only here,
 * when a source uses it, so a crawl without browser sources (and `demo`) never loads it.
 */
export async function createFetcher(config: Config, source: SourceConfig, options: Omit<FetcherOptions, 'access' | 'startUrls'>): Promise<SourceFetcher> {
  const full: FetcherOptions = { ...options, access: siteAccessOf(config, source), startUrls: source.startUrls };
  if (source.fetch === 'browser') {
    const { BrowserFetcher } = await import('./browser-fetcher.js');
    return new BrowserFetcher({ ...full, browser: config.browser });
  }
  return new CrawleeFetcher(full);
}
