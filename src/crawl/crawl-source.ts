import { revisitOf } from '../config/schema.js';
import { canonicalUrl } from '../discover/canonical-url.js';
import { listApiRequest } from '../discover/list-api.js';
import { SourceScope } from '../discover/scope.js';
import { accessError } from '../fetch/access-errors.js';
import { createFetcher } from '../fetch/fetcher-for-source.js';
import { hostSpacingMs } from '../fetch/host-gate.js';
import type { FetchRequest } from '../fetch/types.js';
import { withProgress } from '../progress/track.js';
import { Frontier, redirectAllowed } from './frontier.js';
import { handleResult } from './handle-result.js';
import { knownForEarlyStop, recordCompleteListing } from './listing-state.js';
import { planRevisits, type RevisitPlan } from './revisit-plan.js';
import { withRevisits } from './revisit-queue.js';
import type { SourceCrawl } from './source-crawl.js';
import { store } from './source-writes.js';

/**
 * One pass over a source: its start URLs (list pages, read afresh) plus the known documents due
 * for a check (revisit-plan.ts), revisited with their validators. Crawlee's queue is in memory and new each run, so a killed run
 * leaves nothing to clean up: the next one starts over from the archive.
 */
export async function crawlSource(crawl: SourceCrawl): Promise<void> {
  const { source, config, archive } = crawl;
  const scope = new SourceScope(source);
  for (const url of source.startUrls) {
    // Before any request of the run: sources sharing a host share its strictest limits from the first one.
    crawl.gate.limit(new URL(url).host, source.maxConcurrencyPerHost);
    crawl.gate.space(new URL(url).host, hostSpacingMs(source.maxRequestsPerMinute));
  }
  const fetcher = await createFetcher(config, source, crawl.fetcher, {
    userAgent: config.userAgent,
    maxRequestsPerMinute: await politeRate(crawl),
    maxConcurrency: source.maxConcurrencyPerHost,
    timeoutSecs: config.fetch.timeoutSecs,
    maxBodyBytes: config.fetch.maxBodyBytes,
    maxRetries: config.fetch.maxRetries,
    retryBackoffMs: config.fetch.retryBackoffMs,
    maxRequests: source.maxPages,
    gate: crawl.gate,
    followRedirect: (target): boolean => redirectAllowed(scope, crawl.robots, target),
  });
  // The fetcher's queue enforces maxPages; the frontier enqueues no more than it takes.
  const frontier = new Frontier(scope, crawl.robots, knownForEarlyStop(archive.db, source), fetcher.budget);
  if (crawl.signal?.aborted) return;
  const stop = () => void fetcher.stop();
  crawl.signal?.addEventListener('abort', stop, { once: true });
  const revisits = planRevisits(archive.db, source.id, { ...crawl.revisit, ...revisitOf(config, source) });
  const initial = await initialRequests(crawl, frontier, revisits);
  const handler = withRevisits(revisits, frontier, fetcher.budget, initial, (result, enqueue) => handleResult(crawl, frontier, result, enqueue));
  const tracked = withProgress(crawl.progress, initial, handler);
  let stats;
  try {
    stats = await fetcher.run(tracked.initial, tracked.handler);
  } finally {
    crawl.signal?.removeEventListener('abort', stop);
  }
  // Documents still waiting for their attachments are stored before the listing counts as read.
  if (crawl.attachments) {
    await crawl.attachments.stage.settled(source.id);
    const tally = crawl.attachments.stage.tally(source.id);
    crawl.counts.attachmentsFailed = tally.failed ?? 0;
    if (Object.keys(tally).length > 0) crawl.log.info({ source: source.id, ...tally }, 'attachments checked');
  }
  if (stats.reachedMaxRequests || crawl.signal?.aborted) frontier.markListingIncomplete();
  crawl.counts.listed = frontier.listed;
  crawl.log.info({ source: source.id, ...revisits.tally }, 'known documents revisited');
  crawl.log.info(
    { source: source.id, earlyStops: frontier.earlyStops, disallowedByRobots: frontier.disallowed, listingComplete: frontier.listingComplete },
    'source listing read',
  );
  const at = new Date().toISOString();
  // Decided when the write runs, after every earlier write of the run: a page that could not be
  // stored (even in this same batch) has made the listing incomplete by then.
  store(crawl, frontier, () => {
    if (frontier.listingComplete) recordCompleteListing(archive.db, source, crawl.runId, at);
  });
}

/**
 * Start URLs first, then the known documents the plan asks for at once, as many as maxPages takes:
 * known documents count against it like any page.
 */
async function initialRequests(crawl: SourceCrawl, frontier: Frontier, revisits: RevisitPlan): Promise<FetchRequest[]> {
  const starts: FetchRequest[] = crawl.source.startUrls.map((url) => ({ url: canonicalUrl(url) ?? url, kind: 'start', depth: 0 }));
  if (crawl.source.listApi) starts.push(listApiRequest(crawl.source.listApi, crawl.source.listApi.firstPage));
  const allowedStarts = await frontier.robotsAllowed(starts);
  if (allowedStarts.length < starts.length) {
    crawl.log.warn({ source: crawl.source.id }, 'robots.txt disallows a start URL: its column is not read');
    frontier.markListingIncomplete();
    for (const start of starts) {
      if (allowedStarts.includes(start)) continue;
      const failure = crawl.robotsFailure?.(start.url);
      if (!failure) {
        crawl.starts.failed(start.url, robotsReason(start.url, await crawl.robots.forUrl(start.url)));
        continue;
      }
      const error = accessError({ ...failure, message: `robots.txt unreachable, column not read: ${failure.message}` });
      crawl.failures?.note(error);
      crawl.starts.failed(start.url, error.message);
      crawl.log.warn({ source: crawl.source.id, url: start.url, reason: failure.reason }, error.message);
    }
  }
  const known = revisits.initial(allowedStarts.length > 0);
  return frontier.withinBudget(await frontier.admissible([...allowedStarts, ...known]));
}

/** Why robots.txt keeps a start URL from us: its rules disallow it, or the file could not be read (5xx, timeout, refused). */
function robotsReason(url: string, rules: { verdict: string; reason: string }): string {
  const origin = new URL(url).origin;
  return rules.verdict === 'disallow-all'
    ? `robots.txt of ${origin} could not be read (${rules.reason}): nothing of that origin is fetched in this run`
    : `robots.txt of ${origin} disallows ${url}: the column is not read`;
}

/** The source's rate, lowered to a start host's robots.txt `Crawl-delay` when that asks for less. */
async function politeRate(crawl: SourceCrawl): Promise<number> {
  let perMinute = crawl.source.maxRequestsPerMinute;
  const origins = new Set(crawl.source.startUrls.map((url) => new URL(url).origin));
  for (const origin of origins) {
    const rules = await crawl.robots.forUrl(origin);
    const level = rules.verdict === 'disallow-all' ? 'warn' : 'info';
    crawl.log[level]({ source: crawl.source.id, origin, robots: rules.verdict, reason: rules.reason }, 'robots.txt');
    const delay = rules.crawlDelaySecs();
    if (delay) perMinute = Math.min(perMinute, Math.max(1, Math.floor(60 / delay)));
  }
  return perMinute;
}
