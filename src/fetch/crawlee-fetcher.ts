import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
// The Crawlee packages themselves, not the `crawlee` bundle: that one loads every crawler type,
// the browser stack included (about 3 s of a CLI start); the browser fetcher loads its own on use.
import { Configuration, log as crawleeLog, LogLevel, NonRetryableError, Request, type RequestQueue } from '@crawlee/core';
import { HttpCrawler, type HttpCrawlingContext, type InternalHttpHook } from '@crawlee/http';
import { FatalError, PermanentError } from '../errors.js';
import { accessError, classifyStatusFailure } from './access-errors.js';
import { readBoundedBody } from './bounded-body.js';
import { gotAccess, keepSetCookies, type GotAccess } from './got-access.js';
import { hostSpacingMs, type HostGate } from './host-gate.js';
import { backoffDelayMs, classifyFetchError } from './http-errors.js';
import { LeanRequestQueue } from './lean-queue.js';
import { spacingHook } from './spaced-send.js';
import { resolveSiteAccess, type SiteAccess } from './site-access.js';
import type { FetchRequest, FetchResult, QueueBudget, ResultHandler } from './types.js';

/**
 * The one place Crawlee lives. Crawlee decodes bodies by the Content-Type header only and its
 * Cheerio crawler parses every page twice; here HttpCrawler hands over the raw bytes (a Node-native
 * forced encoding is never transcoded) and the decode stage does the rest, parsing once.
 * Crawlee's own storage is in memory and purged each run, and its request queue is replaced by a
 * lean one (see lean-queue.ts): what must outlive a run is in SQLite.
 */
export interface FetcherOptions {
  userAgent: string;
  maxRequestsPerMinute: number;
  maxConcurrency: number;
  timeoutSecs: number;
  maxBodyBytes: number;
  maxRetries: number;
  /** First retry waits about this long, each further one twice as long (5xx and timeouts only). */
  retryBackoffMs: number;
  /** Distinct URLs fetched per run, at most (a retry is the same URL); a hard bound, see lean-queue.ts. */
  maxRequests: number;
  /** Requests in flight per host, shared with other fetchers of the run. */
  gate?: HostGate;
  /** Whether a redirect to this (absolute) URL may be followed; else the 3xx answer is the result. */
  followRedirect?: (target: string) => boolean;
  /** Proxy, headers, cookies and TLS options of every request (default: direct, none). */
  access?: SiteAccess;
  /** Where the configured cookies are sent: the source's start URLs' origins. */
  startUrls?: readonly string[];
}

export interface FetchStats {
  requestsFinished: number;
  requestsFailed: number;
  /** The queue turned a new URL away at `maxRequests`: some of the crawl was left out. */
  reachedMaxRequests: boolean;
}

// Crawlee logs to stdout, which the contract (docs/contract.md) keeps for command results; our pino logs report instead.
crawleeLog.setLevel(LogLevel.OFF);

/** A got `beforeRequest` hook, as Crawlee's navigation options type it. */
type BeforeRequestHook = NonNullable<NonNullable<Parameters<InternalHttpHook<HttpCrawlingContext>>[1]['hooks']>['beforeRequest']>[number];

/** Host slots held by requests between navigation and the end of their body. */
const heldSlots = new WeakMap<object, () => void>();

class RawBodyHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxBodyBytes = Number.POSITIVE_INFINITY;
  gate: HostGate | undefined;

  protected override async _runRequestHandler(context: HttpCrawlingContext): Promise<void> {
    const release = await this.gate?.acquire(new URL(context.request.url).host);
    if (release) heldSlots.set(context.request, release);
    try {
      await super._runRequestHandler(context);
    } finally {
      release?.();
    }
  }

  /** A JSON answer (a listApi page) is read with the same bound as a page; Crawlee would read it whole. */
  protected override async _parseResponse(request: Request, response: IncomingMessage, context: HttpCrawlingContext) {
    const type = String(response.headers['content-type'] ?? '');
    if (!/\bjson\b/i.test(type) || (response.statusCode ?? 0) >= 500) return super._parseResponse(request, response, context);
    const parsed = await this._parseHTML(response, false, context);
    return { ...parsed, isXml: false, response, contentType: { type: 'application/json', encoding: 'utf8' as BufferEncoding } };
  }

  protected override async _parseHTML(response: IncomingMessage, _isXml: boolean, context: HttpCrawlingContext): Promise<Partial<HttpCrawlingContext>> {
    try {
      return { body: await readBoundedBody(response, this.maxBodyBytes, response.url ?? '') };
    } catch (error) {
      // Retrying an oversized page would only download it again.
      throw error instanceof PermanentError ? new NonRetryableError(error.message) : error;
    } finally {
      // The body is in: the host may serve the next request while this page is processed.
      heldSlots.get(context.request)?.();
    }
  }
}

/** One fetcher, one run: its queue (and so its page budget) is not reset between runs. */
export class CrawleeFetcher {
  private crawler: RawBodyHttpCrawler | undefined;
  private fatal: FatalError | undefined;
  private stopRequested = false;
  private readonly queue: LeanRequestQueue<FetchRequest>;
  private readonly access: SiteAccess;
  private readonly got: GotAccess;

  constructor(private readonly options: FetcherOptions) {
    this.queue = new LeanRequestQueue<FetchRequest>(toCrawleeRequest, options.maxRequests);
    this.access = options.access ?? resolveSiteAccess();
    this.got = gotAccess(this.access, options.startUrls ?? []);
  }

  /** What the run's queue holds and still takes: lets the crawl enqueue no more than fits. */
  get budget(): QueueBudget {
    return this.queue;
  }

  /**
   * Fetches the requests and everything the handler enqueues; resolves when the queue is drained.
   * A FatalError from the handler (the database cannot be written) stops the crawl and is rethrown.
   */
  async run(initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats> {
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    const { queue } = this;
    const enqueue = async (requests: FetchRequest[]): Promise<void> => {
      queue.add(requests);
    };
    this.crawler = this.createCrawler(queue, config, handle, enqueue);
    queue.add(initial);
    // A stop asked for before the crawler ran would be forgotten: run() resets Crawlee's stop flag.
    const stats = this.stopRequested ? { requestsFinished: 0, requestsFailed: 0 } : await this.crawler.run();
    if (this.fatal) throw this.fatal;
    return {
      requestsFinished: stats.requestsFinished,
      requestsFailed: stats.requestsFailed,
      reachedMaxRequests: queue.refused,
    };
  }

  /**
   * Graceful stop (SIGTERM): no new requests; the ones in flight finish and their results are
   * handled before run() resolves, so the pages in hand are stored.
   */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.crawler?.stop('stop requested: finishing the pages in hand');
  }

  private async failFatally(error: FatalError): Promise<void> {
    this.fatal ??= error;
    // Nothing more can be stored: drop what is in flight instead of waiting for it.
    await this.crawler?.autoscaledPool?.abort();
  }

  private createCrawler(queue: LeanRequestQueue<FetchRequest>, config: Configuration, handle: ResultHandler, enqueue: (r: FetchRequest[]) => Promise<void>) {
    const { options } = this;
    const crawler = new RawBodyHttpCrawler(
      {
        // Crawlee takes any object with fetchNextRequest/addRequest as its queue (an IRequestManager).
        requestQueue: queue as unknown as RequestQueue,
        forceResponseEncoding: 'utf8',
        useSessionPool: false,
        persistCookiesPerSession: false,
        maxRequestsPerMinute: options.maxRequestsPerMinute,
        maxConcurrency: options.maxConcurrency,
        minConcurrency: options.maxConcurrency,
        navigationTimeoutSecs: options.timeoutSecs,
        requestHandlerTimeoutSecs: options.timeoutSecs * 2,
        maxRequestRetries: options.maxRetries,
        // No maxRequestsPerCrawl: the queue bounds the run (it counts requests when they are queued).
        statusMessageLoggingInterval: 3600,
        // Crawlee's default (true) would accept any certificate: only `tls.insecure` does that here.
        ignoreSslErrors: this.got.ignoreSslErrors,
        preNavigationHooks: [
          async (context, gotOptions) => {
            Object.assign(gotOptions, this.got.options);
            const cookie = await this.got.cookieJar.getCookieString(context.request.url);
            gotOptions.headers = {
              ...gotOptions.headers,
              ...requestHeaders(options.userAgent, context.request.userData as FetchRequest),
              ...this.access.headers,
              ...(cookie ? { Cookie: cookie } : {}),
            };
            if (options.followRedirect) gotOptions.followRedirect = redirectFilter(options.followRedirect);
            // Politeness spacing (host-gate.ts), waited for in got's last hook before each request
            // (redirects too) is sent: as close to the wire as the client lets us be.
            if (options.gate) {
              const hook = spacingHook(options.gate, context.request.url, hostSpacingMs(options.maxRequestsPerMinute));
              gotOptions.hooks = { ...gotOptions.hooks, beforeRequest: [...(gotOptions.hooks?.beforeRequest ?? []), hook as unknown as BeforeRequestHook] };
            }
          },
        ],
        postNavigationHooks: [
          async ({ request, response }) => {
            if (response) await keepSetCookies(this.got.cookieJar, request.loadedUrl ?? request.url, response.headers['set-cookie']);
          },
        ],
        requestHandler: async (context) => {
          const result = this.toResult(context);
          await this.guard(() => handle(result, enqueue));
        },
        errorHandler: async ({ request }, error) => {
          if (error instanceof FatalError || classifyFetchError(error, request.url, this.access).kind !== 'retryable') {
            request.noRetry = true;
            return;
          }
          await sleep(backoffDelayMs(request.retryCount, options.retryBackoffMs));
        },
        failedRequestHandler: async ({ request }, error) => {
          const failure = {
            ok: false as const,
            request: request.userData as FetchRequest,
            error: classifyFetchError(error, request.url, this.access),
            fetchedAt: new Date().toISOString(),
          };
          await this.guard(() => handle(failure, enqueue));
        },
      },
      config,
    );
    crawler.maxBodyBytes = options.maxBodyBytes;
    crawler.gate = options.gate;
    return crawler;
  }

  /** The answer as the crawl sees it; a 412 challenge or a proxy's 407 is a failure with its fix named. */
  private toResult(context: HttpCrawlingContext): FetchResult {
    const request = context.request.userData as FetchRequest;
    const url = context.request.loadedUrl ?? context.request.url;
    const status = context.response.statusCode ?? 0;
    const fetchedAt = new Date().toISOString();
    const failure = classifyStatusFailure(status, url, this.access);
    if (failure) return { ok: false, request, error: accessError(failure), fetchedAt };
    return { ok: true, request, url, status, headers: flattenHeaders(context.response.headers), body: context.body as Buffer, fetchedAt };
  }

  /** Runs the result handler; a FatalError ends the crawl instead of being retried as a page error. */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof FatalError) await this.failFatally(error);
      else throw error;
    }
  }
}

function toCrawleeRequest(request: FetchRequest): Request {
  return new Request({ url: request.url, uniqueKey: request.url, userData: { ...request } });
}

function redirectFilter(follow: (target: string) => boolean) {
  return (response: { headers: IncomingMessage['headers']; url: string }): boolean => {
    const location = response.headers.location;
    if (!location) return false;
    try {
      return follow(new URL(location, response.url).toString());
    } catch {
      return false;
    }
  };
}

function requestHeaders(userAgent: string, request: FetchRequest): Record<string, string> {
  const accept = request.listApi ? 'application/json,text/plain;q=0.9,*/*;q=0.5' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
  const headers: Record<string, string> = { 'user-agent': userAgent, accept };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
