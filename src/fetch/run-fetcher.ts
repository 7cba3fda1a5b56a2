/**
 * One Crawlee crawler for every HTTP source of a run. A crawler per source cost each source its own
 * autoscaled pool, snapshotter and event manager (Crawlee's system-info events spawn `ps` every
 * second, per event manager): about 80 ms of CPU and 0.1 MB per source before its first page, which
 * a national archive of 3,000 county bureaus cannot afford. Here each source is a lane of the run's
 * queue (run-queue.ts: its budget, its requests per host) with its own access options, redirect
 * rule, rate and result handler, looked up per request.
 */
import { AsyncResource } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Request, type RequestQueue } from '@crawlee/core';
import { crawleeConfiguration } from './crawlee-config.js';
import type { HttpCrawlingContext, InternalHttpHook } from '@crawlee/http';
import { FatalError } from '../errors.js';
import { accessError, classifyStatusFailure } from './access-errors.js';
import type { FetcherOptions, FetchStats, SourceFetcher } from './fetcher-types.js';
import { gotAccess, keepSetCookies, type GotAccess } from './got-access.js';
import { hostSpacingMs, type HostGate } from './host-gate.js';
import { backoffDelayMs, classifyFetchError } from './http-errors.js';
import { RawBodyHttpCrawler } from './raw-body-crawler.js';
import { RunQueue, type SourceLane } from './run-queue.js';
import { resolveSiteAccess, type SiteAccess } from './site-access.js';
import { spacingHook } from './spaced-send.js';
import type { Enqueue, FetchRequest, FetchResult, ResultHandler } from './types.js';

/** What is the same for every source of a run. */
export type RunFetcherOptions = Pick<FetcherOptions, 'userAgent' | 'timeoutSecs' | 'maxBodyBytes' | 'maxRetries' | 'retryBackoffMs'> & {
  /** Slots and spacing per host, shared with the run's other fetchers (browser sources, attachments). */
  gate: HostGate;
};

/** What is a source's own. */
export type SourceFetchOptions = Pick<FetcherOptions, 'maxRequests' | 'maxRequestsPerMinute' | 'followRedirect' | 'access' | 'startUrls'>;

/**
 * Fetch tasks the crawler may run at once. The host slots (HostGate) decide what really runs: a task
 * starts only with its host's slot in hand. This only bounds sockets and memory on a run of
 * thousands of hosts, and is far above what a few hosts' limits add up to.
 */
const MAX_TASKS = 256;

/** A source's lane and what its requests are sent with. */
interface SourceState {
  options: SourceFetchOptions;
  access: SiteAccess;
  got: GotAccess;
  spacingMs: number;
  handle?: ResultHandler;
  enqueue: Enqueue;
  failed: number;
}

/** A got `beforeRequest` hook, as Crawlee's navigation options type it. */
type BeforeRequestHook = NonNullable<NonNullable<Parameters<InternalHttpHook<HttpCrawlingContext>>[1]['hooks']>['beforeRequest']>[number];

export class RunFetcher {
  private readonly queue: RunQueue<FetchRequest>;
  private readonly sources = new WeakMap<SourceLane<FetchRequest>, SourceState>();
  private crawler: RawBodyHttpCrawler | undefined;
  private running: Promise<unknown> | undefined;
  private fatal: FatalError | undefined;
  /** The crawler itself failed (a defect, not a page): every lane rethrows it. */
  private crashed: unknown;
  private wakeScheduled = false;
  /** Lanes waiting for their part of the crawl; all are let go when the crawler ends (a fatal error). */
  private readonly ended: { promise: Promise<void>; resolve: () => void };

  constructor(private readonly options: RunFetcherOptions) {
    this.queue = new RunQueue<FetchRequest>(options.gate, toCrawleeRequest, () => this.wake());
    let resolve: () => void = () => undefined;
    this.ended = { promise: new Promise<void>((r) => (resolve = r)), resolve };
  }

  /** A source's fetcher within this run: its own queue budget (`maxRequests`) and access options. */
  source(options: SourceFetchOptions): SourceFetcher {
    const lane = this.queue.lane(options.maxRequests);
    const access = options.access ?? resolveSiteAccess();
    const state: SourceState = {
      options,
      access,
      got: gotAccess(access, options.startUrls ?? []),
      spacingMs: hostSpacingMs(options.maxRequestsPerMinute),
      failed: 0,
      enqueue: async (requests) => void lane.add(requests),
    };
    this.sources.set(lane, state);
    return {
      budget: lane,
      run: (initial, handle) => this.runLane(lane, state, initial, handle),
      stop: async () => lane.stop(),
    };
  }

  /** No more sources: the crawler ends once the last lane is done. Resolves when it has. */
  async close(): Promise<void> {
    this.queue.close();
    await this.running;
  }

  /** The run failed elsewhere: nothing more is fetched, and every lane stops waiting. */
  async abort(): Promise<void> {
    this.queue.close();
    await this.crawler?.autoscaledPool?.abort();
    this.ended.resolve();
  }

  private async runLane(lane: SourceLane<FetchRequest>, state: SourceState, initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats> {
    state.handle = handle;
    lane.add(initial);
    this.start();
    await Promise.race([lane.done(), this.ended.promise]);
    if (this.fatal) throw this.fatal;
    if (this.crashed !== undefined) throw this.crashed instanceof Error ? this.crashed : new Error('the fetcher failed with a non-Error value');
    return { requestsFinished: lane.handled - state.failed, requestsFailed: state.failed, reachedMaxRequests: lane.refused };
  }

  private start(): void {
    if (this.running) return;
    this.crawler = this.createCrawler();
    this.running = this.crawler
      .run()
      .catch((error: unknown) => void (this.crashed = error))
      .finally(() => this.ended.resolve());
  }

  /** Something may be ready to fetch: the crawler's pool looks at once instead of at its next tick. */
  private wake(): void {
    if (this.wakeScheduled || !this.crawler?.autoscaledPool) return;
    this.wakeScheduled = true;
    this.scheduleWake();
  }

  /**
   * Bound to the context the fetcher was made in. wake() is called from inside fetch tasks, and
   * Crawlee's timeouts (@apify/timeout) live in async-local storage: a task started from another
   * task's context would share its cancel signal, and die when that one's request times out.
   */
  private readonly scheduleWake = AsyncResource.bind(() =>
    setImmediate(() => {
      this.wakeScheduled = false;
      void this.crawler?.autoscaledPool?.notify();
    }),
  );

  private stateOf(request: object): SourceState {
    const lane = this.queue.laneOf(request);
    const state = lane && this.sources.get(lane);
    if (!state) throw new Error("expected a request of one of the run's sources, got one the run never queued");
    return state;
  }

  private createCrawler(): RawBodyHttpCrawler {
    const { options } = this;
    const config = crawleeConfiguration();
    const crawler = new RawBodyHttpCrawler(
      {
        // Crawlee takes any object with fetchNextRequest/markRequestHandled … as its queue (an IRequestManager).
        requestQueue: this.queue as unknown as RequestQueue,
        forceResponseEncoding: 'utf8',
        useSessionPool: false,
        persistCookiesPerSession: false,
        maxConcurrency: MAX_TASKS,
        minConcurrency: MAX_TASKS,
        navigationTimeoutSecs: options.timeoutSecs,
        requestHandlerTimeoutSecs: options.timeoutSecs * 2,
        maxRequestRetries: options.maxRetries,
        statusMessageLoggingInterval: 3600,
        ignoreSslErrors: false,
        preNavigationHooks: [async (context, gotOptions) => this.prepare(context.request, gotOptions)],
        postNavigationHooks: [
          async ({ request, response }) => {
            if (response) await keepSetCookies(this.stateOf(request).got.cookieJar, request.loadedUrl ?? request.url, response.headers['set-cookie']);
          },
        ],
        requestHandler: async (context) => {
          const state = this.stateOf(context.request);
          const result = this.toResult(context, state.access);
          await this.guard(() => state.handle!(result, state.enqueue));
        },
        errorHandler: async ({ request }, error) => {
          if (error instanceof FatalError || classifyFetchError(error, request.url, this.stateOf(request).access).kind !== 'retryable') {
            request.noRetry = true;
            return;
          }
          await sleep(backoffDelayMs(request.retryCount, options.retryBackoffMs));
        },
        failedRequestHandler: async ({ request }, error) => {
          const state = this.stateOf(request);
          state.failed++;
          const failure = {
            ok: false as const,
            request: request.userData as FetchRequest,
            error: classifyFetchError(error, request.url, state.access),
            fetchedAt: new Date().toISOString(),
          };
          try {
            await this.guard(() => state.handle!(failure, state.enqueue));
          } finally {
            this.queue.failureHandled(request);
          }
        },
      },
      config,
    );
    crawler.hooks = {
      maxBodyBytes: options.maxBodyBytes,
      releaseSlot: (request) => this.queue.releaseSlot(request),
      insecure: (request) => this.stateOf(request).got.ignoreSslErrors,
    };
    return crawler;
  }

  /** The source's access options, headers, cookies, redirect rule and politeness spacing on the request. */
  private async prepare(request: { url: string; userData: unknown }, gotOptions: Parameters<InternalHttpHook<HttpCrawlingContext>>[1]): Promise<void> {
    const state = this.stateOf(request);
    Object.assign(gotOptions, state.got.options);
    const cookie = await state.got.cookieJar.getCookieString(request.url);
    gotOptions.headers = {
      ...gotOptions.headers,
      ...requestHeaders(this.options.userAgent, request.userData as FetchRequest),
      ...state.access.headers,
      ...(cookie ? { Cookie: cookie } : {}),
    };
    const follow = state.options.followRedirect;
    if (follow) gotOptions.followRedirect = redirectFilter(follow);
    // Politeness spacing (host-gate.ts), waited for in got's last hook before each request
    // (redirects too) is sent: as close to the wire as the client lets us be.
    const hook = spacingHook(this.options.gate, request.url, state.spacingMs);
    gotOptions.hooks = { ...gotOptions.hooks, beforeRequest: [...(gotOptions.hooks?.beforeRequest ?? []), hook as unknown as BeforeRequestHook] };
  }

  /** The answer as the crawl sees it; a 412 challenge or a proxy's 407 is a failure with its fix named. */
  private toResult(context: HttpCrawlingContext, access: SiteAccess): FetchResult {
    const request = context.request.userData as FetchRequest;
    const url = context.request.loadedUrl ?? context.request.url;
    const status = context.response.statusCode ?? 0;
    const fetchedAt = new Date().toISOString();
    const failure = classifyStatusFailure(status, url, access);
    if (failure) return { ok: false, request, error: accessError(failure), fetchedAt };
    return { ok: true, request, url, status, headers: flattenHeaders(context.response.headers), body: context.body as Buffer, fetchedAt };
  }

  /** Runs a result handler; a FatalError (the database cannot be written) ends the whole crawl and is rethrown by every lane. */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof FatalError)) throw error;
      this.fatal ??= error;
      // Nothing more can be stored: drop what is in flight instead of waiting for it.
      await this.crawler?.autoscaledPool?.abort();
    }
  }
}

function toCrawleeRequest(request: FetchRequest): Request {
  return new Request({ url: request.url, uniqueKey: request.url, userData: { ...request } });
}

function redirectFilter(follow: (target: string) => boolean) {
  return (response: { headers: Record<string, string | string[] | undefined>; url: string }): boolean => {
    const location = response.headers.location;
    if (typeof location !== 'string' || !location) return false;
    try {
      return follow(new URL(location, response.url).toString());
    } catch {
      return false;
    }
  };
}

/** The language the archived pages are in: some CMSs pick the language version by this header. */
const ACCEPT_LANGUAGE = 'zh-CN,zh;q=0.9,en;q=0.5';

function requestHeaders(userAgent: string, request: FetchRequest): Record<string, string> {
  const accept = request.listApi ? 'application/json,text/plain;q=0.9,*/*;q=0.5' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
  const headers: Record<string, string> = { 'user-agent': userAgent, accept, 'accept-language': ACCEPT_LANGUAGE };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
