import { canonicalUrl } from '../discover/canonical-url.js';
import { errorMessage } from '../errors.js';
import { accessFailureReason } from '../fetch/access-errors.js';
import type { Enqueue, FetchedResponse, FetchFailure, FetchResult } from '../fetch/types.js';
import type { Frontier } from './frontier.js';
import { handleListApiAnswer } from './list-api-answer.js';
import { recordDocument, recordNotModified } from './attachment-records.js';
import { listPageLost, store } from './source-writes.js';
import type { SourceCrawl } from './source-crawl.js';
import { fetchFailureReason, statusReason } from './start-urls.js';

/** Status codes by which a known document says it is gone (a timeout or 5xx never does). */
const GONE_STATUSES = new Set([404, 410]);

/**
 * What each fetch result does to the archive and the frontier. Writes go through the run's one
 * WriteQueue; nothing here reads the database, so a page costs no round trip of its own.
 */
export async function handleResult(crawl: SourceCrawl, frontier: Frontier, result: FetchResult, enqueue: Enqueue): Promise<void> {
  if (!result.ok) return handleFailure(crawl, frontier, result);
  crawl.counts.pages++;
  const { request } = result;
  const known = request.kind === 'document';
  if (result.status === 304 && known) {
    crawl.counts.notModified++;
    recordNotModified(crawl, frontier, request.url, result.fetchedAt);
  } else if (GONE_STATUSES.has(result.status)) {
    handleGone(crawl, frontier, result);
  } else if (result.status >= 200 && result.status < 300) {
    if (request.listApi) await handleListApiAnswer(crawl, frontier, result, enqueue);
    else await handlePage(crawl, frontier, result, enqueue);
  } else if (result.status >= 300 && result.status < 400) {
    // Only redirects that leave the source (another host, excluded, disallowed) come back unfollowed.
    crawl.log.info(
      { source: crawl.source.id, url: result.url, status: result.status, location: result.headers.location },
      "redirect out of the source's scope: not followed",
    );
    if (!known)
      listPageLost(
        crawl,
        frontier,
        request,
        `${request.url} redirects out of the source's scope to ${result.headers.location ?? '(no location)'}: put the target in startUrls or include`,
      );
  } else {
    crawl.counts.errors++;
    crawl.log.warn({ source: crawl.source.id, url: result.url, status: result.status }, `unexpected HTTP status ${result.status}`);
    if (known) store(crawl, frontier, () => crawl.archive.recordUnreachable(request.url, result.fetchedAt));
    else listPageLost(crawl, frontier, request, statusReason(request.url, result.status));
  }
}

function handleFailure(crawl: SourceCrawl, frontier: Frontier, failure: FetchFailure): void {
  const { request } = failure;
  crawl.counts.errors++;
  crawl.failures?.note(failure.error);
  crawl.log.warn({ source: crawl.source.id, url: request.url, kind: failure.error.kind, reason: accessFailureReason(failure.error) }, failure.error.message);
  if (request.kind === 'document') store(crawl, frontier, () => crawl.archive.recordUnreachable(request.url, failure.fetchedAt));
  else listPageLost(crawl, frontier, request, fetchFailureReason(request.url, failure.error));
}

function handleGone(crawl: SourceCrawl, frontier: Frontier, result: FetchedResponse): void {
  const { request } = result;
  if (request.kind === 'start') {
    crawl.counts.errors++;
    crawl.log.warn({ source: crawl.source.id, url: result.url, status: result.status }, 'start URL not found: check startUrls');
  } else if (request.kind !== 'document') {
    crawl.log.info({ source: crawl.source.id, url: result.url, status: result.status }, 'link target not found');
  }
  if (request.kind !== 'document') {
    listPageLost(crawl, frontier, request, statusReason(request.url, result.status));
    return;
  }
  recordGone(crawl, frontier, request.url, result.fetchedAt);
}

function recordGone(crawl: SourceCrawl, frontier: Frontier, url: string, at: string): void {
  store(crawl, frontier, () => {
    if (crawl.archive.recordMissing(url, at)) crawl.counts.removed++;
  });
}

async function handlePage(crawl: SourceCrawl, frontier: Frontier, response: FetchedResponse, enqueue: Enqueue): Promise<void> {
  const { request } = response;
  const finalUrl = canonicalUrl(response.url) ?? response.url;
  if (!frontier.allowsRedirect(finalUrl)) {
    crawl.log.info({ source: crawl.source.id, url: request.url, finalUrl }, "page ended outside the source's scope: dropped");
    if (request.kind !== 'document')
      listPageLost(crawl, frontier, request, `${request.url} ended outside the source's scope at ${finalUrl}: put that in startUrls or include`);
    return;
  }
  let page;
  try {
    page = await crawl.pages.process({ ...response, url: finalUrl }, crawl.source.id);
  } catch (error) {
    crawl.counts.errors++;
    crawl.log.error({ source: crawl.source.id, url: finalUrl }, `page could not be processed: ${errorMessage(error)}`);
    // A list page lost this way hides its items like a 500 would: the listing is not complete.
    if (request.kind !== 'document') listPageLost(crawl, frontier, request, `${request.url} could not be processed: ${errorMessage(error)}`);
    return;
  }
  if (request.kind === 'start' && page.kind !== 'soft-404') crawl.starts.succeeded(request.url);
  switch (page.kind) {
    case 'document': {
      // A start URL that is a document yields itself: such a source is not silent.
      if (request.kind === 'start') frontier.listed++;
      // A known document keeps its identity even when its address now redirects within the source.
      const snapshot = request.kind === 'document' ? { ...page.snapshot, url: request.url } : page.snapshot;
      await recordDocument(crawl, frontier, snapshot);
      return;
    }
    case 'soft-404':
      if (request.kind === 'document') recordGone(crawl, frontier, request.url, response.fetchedAt);
      if (request.kind === 'start') {
        crawl.counts.errors++;
        listPageLost(crawl, frontier, request, `${request.url} answers with a "page not found" page (check startUrls)`);
      }
      return;
    case 'list': {
      const found = await frontier.fromListPage(page.discovery, request, finalUrl);
      await enqueue(frontier.withinBudget(found));
      return;
    }
    case 'datastore': {
      const found = await frontier.fromDatastore(page, request, finalUrl);
      await enqueue(frontier.withinBudget(found));
    }
  }
}
