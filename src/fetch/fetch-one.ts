/**
 * One URL fetched exactly as the crawl fetches a page (`try URL`): the same fetcher, so the same
 * User-Agent, site access (proxy, headers, cookies, TLS), body cap, timeout, retries and error
 * classes, for a single request with no queue or rate to share.
 */
import { CrawleeFetcher, type FetcherOptions } from './crawlee-fetcher.js';
import type { FetchRequest, FetchResult } from './types.js';

export type FetchOneOptions = Omit<FetcherOptions, 'maxRequests' | 'maxConcurrency' | 'maxRequestsPerMinute' | 'gate' | 'startUrls'>;

export async function fetchOne(url: string, options: FetchOneOptions): Promise<FetchResult> {
  // The URL's own origin is where configured cookies go, as a source's start URLs are for the crawl.
  const fetcher = new CrawleeFetcher({ ...options, startUrls: [url], maxRequests: 1, maxConcurrency: 1, maxRequestsPerMinute: 600 });
  const request: FetchRequest = { url, kind: 'start', depth: 0 };
  let result: FetchResult | undefined;
  await fetcher.run([request], async (answer) => {
    result = answer;
  });
  // Crawlee hands every request to one of its handlers; none at all would be a fetcher defect.
  if (!result) throw new Error(`${url}: the fetcher finished without an answer or a failure`);
  return result;
}
