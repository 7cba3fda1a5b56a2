import type { Config, SourceConfig } from '../config/schema.js';
import { canonicalUrl } from '../discover/canonical-url.js';
import { SourceScope } from '../discover/scope.js';
import { errorMessage } from '../errors.js';
import { CrawleeFetcher } from '../fetch/crawlee-fetcher.js';
import type { Enqueue, FetchedResponse, FetchRequest, FetchResult } from '../fetch/types.js';
import type { Logger } from '../log.js';
import type { SourceProgress } from '../progress/progress.js';
import { withProgress } from '../progress/track.js';
import type { Archive } from '../store/archive.js';
import { iterateDocuments } from '../store/documents.js';
import type { SourceCounts } from '../store/runs.js';
import type { WriteQueue } from '../store/write-queue.js';
import { processPage } from './process-page.js';

export interface SourceCrawl {
  source: SourceConfig;
  config: Config;
  archive: Archive;
  writes: WriteQueue;
  log: Logger;
  counts: SourceCounts;
  runId: number;
  /** Counts pages done and queued for the progress log (optional). */
  progress?: SourceProgress;
  /** Aborting stops taking new pages; the pages in hand finish and are stored. */
  signal?: AbortSignal;
}

/** Status codes by which a known document says it is gone (a timeout or 5xx never does). */
const GONE_STATUSES = new Set([404, 410]);

/** One pass over a source: its start URLs plus every known document, revisited conditionally. */
export async function crawlSource(crawl: SourceCrawl): Promise<void> {
  const { source, config } = crawl;
  const fetcher = new CrawleeFetcher({
    name: `run-${crawl.runId}-${source.id}`,
    userAgent: config.userAgent,
    maxRequestsPerMinute: source.maxRequestsPerMinute,
    maxConcurrency: source.maxConcurrencyPerHost,
    timeoutSecs: config.fetch.timeoutSecs,
    maxBodyBytes: config.fetch.maxBodyBytes,
    maxRetries: config.fetch.maxRetries,
    maxRequests: source.maxPages,
  });
  const scope = new SourceScope(source);
  if (crawl.signal?.aborted) return;
  crawl.signal?.addEventListener('abort', () => void fetcher.stop(), { once: true });
  const tracked = withProgress(crawl.progress, initialRequests(crawl), (result, enqueue) => handleResult(crawl, scope, result, enqueue));
  await fetcher.run(tracked.initial, tracked.handler);
}

function initialRequests(crawl: SourceCrawl): FetchRequest[] {
  const starts: FetchRequest[] = crawl.source.startUrls.map((url) => ({ url: canonicalUrl(url) ?? url, kind: 'start', depth: 0 }));
  const known: FetchRequest[] = [];
  for (const doc of iterateDocuments(crawl.archive.db, crawl.source.id)) {
    known.push({ url: doc.url, kind: 'document', etag: doc.etag, lastModified: doc.lastModified });
  }
  return [...starts, ...known];
}

async function handleResult(crawl: SourceCrawl, scope: SourceScope, result: FetchResult, enqueue: Enqueue): Promise<void> {
  const { counts, log } = crawl;
  if (!result.ok) {
    counts.errors++;
    log.warn({ source: crawl.source.id, url: result.request.url, kind: result.error.kind }, result.error.message);
    return;
  }
  counts.pages++;
  if (result.status === 304) {
    counts.notModified++;
    crawl.writes.push(() => crawl.archive.recordNotModified(result.request.url, result.fetchedAt));
  } else if (GONE_STATUSES.has(result.status)) {
    handleGone(crawl, result);
  } else if (result.status >= 200 && result.status < 300) {
    await handlePage(crawl, scope, result, enqueue);
  } else {
    counts.errors++;
    log.warn({ source: crawl.source.id, url: result.url, status: result.status }, `unexpected HTTP status ${result.status}`);
  }
}

function handleGone(crawl: SourceCrawl, result: FetchedResponse): void {
  if (result.request.kind !== 'document') {
    crawl.log.info({ source: crawl.source.id, url: result.url, status: result.status }, 'link target not found');
    return;
  }
  crawl.writes.push(() => {
    if (crawl.archive.recordMissing(result.request.url, result.fetchedAt)) crawl.counts.removed++;
  });
}

async function handlePage(crawl: SourceCrawl, scope: SourceScope, response: FetchedResponse, enqueue: Enqueue): Promise<void> {
  let processed;
  try {
    processed = processPage({ ...response, url: canonicalUrl(response.url) ?? response.url }, crawl.source.id);
  } catch (error) {
    crawl.counts.errors++;
    crawl.log.error({ source: crawl.source.id, url: response.url }, `page could not be processed: ${errorMessage(error)}`);
    return;
  }
  const depth = (response.request.depth ?? 0) + 1;
  await enqueue(processed.links.filter((url) => scope.allows(url)).map((url) => ({ url, kind: 'unknown', depth })));
  const snapshot = processed.snapshot;
  if (snapshot) crawl.writes.push(() => { crawl.counts[crawl.archive.recordSnapshot(snapshot)]++; });
}
