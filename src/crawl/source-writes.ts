/** What a source's page results do beyond the archive: errors counted, the listing's completeness, start URLs' fate. */
import { errorMessage } from '../errors.js';
import type { FetchRequest } from '../fetch/types.js';
import type { Frontier } from './frontier.js';
import type { SourceCrawl } from './source-crawl.js';

/**
 * Queues a write of this source's. One that cannot be stored (the database stayed busy, a bad
 * value) counts as an error and leaves the listing incomplete: the next run must not stop early
 * before a document it never stored.
 */
export function store(crawl: SourceCrawl, frontier: Frontier, write: () => void): void {
  crawl.writes.push(write, (error) => {
    crawl.counts.errors++;
    crawl.counts.unstored++;
    frontier.markListingIncomplete();
    crawl.log.error(
      { source: crawl.source.id, err: errorMessage(error) },
      'a page could not be stored: counted as an error, its column will be read in full next run',
    );
  });
}

/** A list page the crawl could not read; a start URL among them is noted with why, for the source's outcome. */
export function listPageLost(crawl: SourceCrawl, frontier: Frontier, request: FetchRequest, reason: string): void {
  frontier.listPageLost(request);
  if (request.kind === 'start') crawl.starts.failed(request.url, reason);
}
