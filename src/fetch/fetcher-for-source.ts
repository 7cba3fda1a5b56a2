import type { Config, SourceConfig } from '../config/schema.js';
import type { FetcherOptions, SourceFetcher } from './fetcher-types.js';
import type { RunFetcher } from './run-fetcher.js';
import { siteAccessOf } from './run-access.js';

export type { SourceFetcher } from './fetcher-types.js';

/**
 * The fetcher a source asks for: a lane of the run's one HTTP crawler (run-fetcher.ts), or a
 * system Chromium driven by Crawlee's PlaywrightCrawler for `fetch: browser`. The browser stack is
 * imported only here, when a source uses it, so a crawl without browser sources (and `demo`) never
 * loads it.
 */
export async function createFetcher(
  config: Config,
  source: SourceConfig,
  run: RunFetcher,
  options: Omit<FetcherOptions, 'access' | 'startUrls'>,
): Promise<SourceFetcher> {
  const full: FetcherOptions = { ...options, access: siteAccessOf(config, source), startUrls: source.startUrls };
  if (source.fetch === 'browser') {
    const { BrowserFetcher } = await import('./browser-fetcher.js');
    return new BrowserFetcher({ ...full, browser: config.browser });
  }
  return run.source(full);
}
