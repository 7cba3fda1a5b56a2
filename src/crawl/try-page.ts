/**
 * `try URL`: what the crawl would make of one page, without a source or an archive. robots.txt
 * first (as the crawl reads it, through the same site access), then the crawl's own fetch
 * (src/fetch/fetch-one.ts) and page processing (process-page.ts: decode, parse once, classify,
 * extract or discover). Nothing is written anywhere.
 */
import type { BrowserConfig, Config } from '../config/schema.js';
import { canonicalUrl } from '../discover/canonical-url.js';
import { SourceScope } from '../discover/scope.js';
import { accessFailureReason, type AccessFailure } from '../fetch/access-errors.js';
import { RobotsCache, type RobotsRules } from '../fetch/robots.js';
import { createSiteFetch } from '../fetch/site-fetch.js';
import type { SiteAccess } from '../fetch/site-access.js';
import type { FetchedResponse, FetchResult } from '../fetch/types.js';
import { processPage, type ProcessedPage } from './process-page.js';

export interface TryOptions {
  userAgent: string;
  fetch: Config['fetch'];
  access: SiteAccess;
  /** Render the page in the system Chromium, as a `fetch: browser` source does. @default plain HTTP */
  browser?: BrowserConfig;
}

/** Why the page was not read: robots.txt, an access failure (with its class), an HTTP status, a page that does not parse. */
export interface TryFailure {
  ok: false;
  reason: string;
  message: string;
}

export interface TryResult {
  ok: true;
  /** The answer (its body is what processPage read). */
  response: FetchedResponse;
  /** For a list page or a datastore answer, only the links a source with this URL as its start URL would follow. */
  page: ProcessedPage;
  /** Links the page offers that such a source would not follow (other hosts, other folders, attachments). */
  outOfScope: number;
  /** robots.txt's verdict for the URL's origin and why, e.g. `rules (HTTP 200)`, `allow-all (HTTP 404)`. */
  robots: string;
}

export async function tryPage(url: string, options: TryOptions): Promise<TryResult | TryFailure> {
  const siteFetch = createSiteFetch(options.access);
  try {
    const robots = new RobotsCache({ userAgent: options.userAgent, timeoutMs: options.fetch.timeoutSecs * 1000, fetch: siteFetch.fetch });
    const rules = await robots.forUrl(url);
    const refusal = robotsRefusal(rules, url, siteFetch.failureFor(url));
    if (refusal) return refusal;
    // Redirects as the crawl follows them: not into what robots.txt disallows.
    const followRedirect = (target: string) => robots.peek(target) !== false;
    const result = options.browser ? await fetchRendered(url, options, options.browser, followRedirect) : await fetchPlain(url, options, followRedirect);
    if (!result) return { ok: false, reason: 'no-result', message: `the browser handed back no page for ${url}` };
    if (!result.ok) return { ok: false, reason: accessFailureReason(result.error) ?? result.error.kind, message: result.error.message };
    const statusFailure = unreadableStatus(result);
    if (statusFailure) return statusFailure;
    return readPage(result, `${rules.verdict} (${rules.reason})`);
  } finally {
    await siteFetch.close();
  }
}

/** The crawl's own HTTP fetch, loaded once robots.txt allows the page (its dependencies take a second to import). */
async function fetchPlain(url: string, options: TryOptions, followRedirect: (target: string) => boolean): Promise<FetchResult> {
  const { fetchOne } = await import('../fetch/fetch-one.js');
  return fetchOne(url, { ...fetchLimits(options), access: options.access, followRedirect });
}

/** The page as a `fetch: browser` source gets it: rendered by the system Chromium (the DOM after its scripts ran). */
async function fetchRendered(
  url: string,
  options: TryOptions,
  browser: BrowserConfig,
  followRedirect: (target: string) => boolean,
): Promise<FetchResult | undefined> {
  const { BrowserFetcher } = await import('../fetch/browser-fetcher.js');
  const fetcher = new BrowserFetcher({
    ...fetchLimits(options),
    access: options.access,
    followRedirect,
    browser,
    startUrls: [url],
    // One page: no queue, no concurrency, and no second request to space from the first.
    maxRequests: 1,
    maxConcurrency: 1,
    maxRequestsPerMinute: 60,
  });
  let outcome: FetchResult | undefined;
  await fetcher.run([{ url, kind: 'start', depth: 0 }], async (result) => void (outcome = result));
  return outcome;
}

function fetchLimits(options: TryOptions) {
  const { timeoutSecs, maxBodyBytes, maxRetries, retryBackoffMs } = options.fetch;
  return { userAgent: options.userAgent, timeoutSecs, maxBodyBytes, maxRetries, retryBackoffMs };
}

/** `access`: the classified failure of reaching robots.txt, when that was the trouble. */
function robotsRefusal(rules: RobotsRules, url: string, access: AccessFailure | undefined): TryFailure | null {
  const robotsUrl = `${new URL(url).origin}/robots.txt`;
  if (rules.verdict === 'disallow-all') {
    // 5xx, a timeout or no connection: the crawl reads nothing of the origin this run.
    const message = `${robotsUrl} could not be read (${access?.message ?? rules.reason}): the crawl would not fetch ${url}`;
    return { ok: false, reason: access?.reason ?? 'robots-unavailable', message };
  }
  if (!rules.isAllowed(url))
    return { ok: false, reason: 'robots-disallowed', message: `${robotsUrl} disallows ${url} for bureau-watch: the crawl would not fetch it` };
  return null;
}

function unreadableStatus(response: FetchedResponse): TryFailure | null {
  const { status } = response;
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) {
    const location = response.headers.location ?? '(no Location)';
    return {
      ok: false,
      reason: 'redirect-not-followed',
      message: `${response.url} answered HTTP ${status} to ${location}: not followed (robots.txt disallows it)`,
    };
  }
  return { ok: false, reason: `http-${status}`, message: `${response.url} answered HTTP ${status}: no page to read` };
}

function readPage(response: FetchedResponse, robots: string): TryResult | TryFailure {
  try {
    // Read as the crawl reads it: at its canonical address.
    const url = canonicalUrl(response.url) ?? response.url;
    return { ok: true, response, robots, ...scoped(processPage({ ...response, url }, 'try'), new SourceScope({ startUrls: [url], include: [], exclude: [] })) };
  } catch (error) {
    return { ok: false, reason: 'unprocessable', message: `${response.url}: page could not be processed: ${(error as Error).message}` };
  }
}

/** What the crawl of a source starting here would follow (src/crawl/frontier.ts applies the same scope). */
function scoped(page: ProcessedPage, scope: SourceScope): Pick<TryResult, 'page' | 'outOfScope'> {
  if (page.kind === 'datastore') {
    const items = page.items.filter((url) => scope.allowsDocument(url));
    return { page: { ...page, items }, outOfScope: page.items.length - items.length };
  }
  if (page.kind !== 'list') return { page, outOfScope: 0 };
  const { discovery } = page;
  const kept = {
    ...discovery,
    items: discovery.items.filter((url) => scope.allowsDocument(url)),
    lists: discovery.lists.filter((url) => scope.allowsSubList(url)),
    next: discovery.next.filter((next) => scope.allowsPagination(next.url)),
  };
  const count = (d: typeof discovery) => d.items.length + d.lists.length + d.next.length;
  return { page: { kind: 'list', discovery: kept }, outOfScope: count(discovery) - count(kept) };
}
