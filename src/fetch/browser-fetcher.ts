import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NonRetryableError, Request, type RequestQueue } from '@crawlee/core';
import { crawleeConfiguration } from './crawlee-config.js';
import { PlaywrightCrawler, type PlaywrightCrawlingContext } from '@crawlee/playwright';
import { chromium } from 'playwright-core';
import type { BrowserConfig } from '../config/schema.js';
import { FatalError, type BureauWatchError } from '../errors.js';
import { browserLaunchOptions } from './browser-launch.js';
import { findBrowserExecutable } from './browser-executable.js';
import './crawlee-quiet.js';
import { isChallenge, originalBody, renderedBody, settle, skipHeavyResources, trackDocumentResponses } from './browser-page.js';
import type { FetcherOptions, FetchStats, SourceFetcher } from './fetcher-types.js';
import { hostSpacingMs, type HostGate } from './host-gate.js';
import { accessError, classifyStatusFailure } from './access-errors.js';
import { backoffDelayMs, classifyFetchError } from './http-errors.js';
import { LeanRequestQueue } from './lean-queue.js';
import { resolveSiteAccess, type SiteAccess } from './site-access.js';
import type { FetchRequest, FetchResult, QueueBudget, ResultHandler } from './types.js';

/**
 * `fetch: browser`: a source's pages rendered by a system Chromium through Crawlee's
 * PlaywrightCrawler, for columns whose lists scripts build and for script challenges. Same queue,
 * page budget, host slots, rate and retries as the HTTP fetcher; the crawl's frontier still decides
 * scope and robots.txt. The result's body is the rendered DOM; the network's bytes ride along as
 * `original`. Loaded only when a source asks for it (see fetcher-for-source.ts).
 */

/** The HTTP fetcher's options plus where the browser is. */
export interface BrowserFetcherOptions extends FetcherOptions {
  browser: BrowserConfig;
}

class GatedPlaywrightCrawler extends PlaywrightCrawler {
  gate: HostGate | undefined;

  protected override async _runRequestHandler(context: PlaywrightCrawlingContext): Promise<void> {
    const release = await this.gate?.acquire(new URL(context.request.url).host);
    try {
      await super._runRequestHandler(context);
    } finally {
      release?.();
    }
  }
}

export class BrowserFetcher implements SourceFetcher {
  private crawler: GatedPlaywrightCrawler | undefined;
  private fatal: FatalError | undefined;
  private stopRequested = false;
  private readonly queue: LeanRequestQueue<FetchRequest>;
  private readonly access: SiteAccess;

  constructor(private readonly options: BrowserFetcherOptions) {
    this.queue = new LeanRequestQueue<FetchRequest>(
      (request) => new Request({ url: request.url, uniqueKey: request.url, userData: { ...request } }),
      options.maxRequests,
    );
    this.access = options.access ?? resolveSiteAccess();
  }

  get budget(): QueueBudget {
    return this.queue;
  }

  /** Without a browser, every request fails with how to install one; the other sources go on. */
  async run(initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats> {
    let executable: string;
    try {
      executable = findBrowserExecutable(this.options.browser.executablePath);
    } catch (error) {
      return this.failAll(initial, handle, error as BureauWatchError);
    }
    const userDataDir = mkdtempSync(join(tmpdir(), 'bureau-watch-chromium-'));
    try {
      const enqueue = async (requests: FetchRequest[]): Promise<void> => void this.queue.add(requests);
      this.crawler = this.createCrawler(executable, userDataDir, handle, enqueue);
      this.queue.add(initial);
      const stats = this.stopRequested ? { requestsFinished: 0, requestsFailed: 0 } : await this.crawler.run();
      if (this.fatal) throw this.fatal;
      return { requestsFinished: stats.requestsFinished, requestsFailed: stats.requestsFailed, reachedMaxRequests: this.queue.refused };
    } finally {
      await this.crawler?.browserPool.destroy().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.crawler?.stop('stop requested: finishing the pages in hand');
  }

  private async failAll(initial: Iterable<FetchRequest>, handle: ResultHandler, error: BureauWatchError): Promise<FetchStats> {
    let failed = 0;
    const enqueue = async (): Promise<void> => undefined;
    for (const request of initial) {
      failed++;
      await this.guard(() => handle({ ok: false, request, error, fetchedAt: new Date().toISOString() }, enqueue));
    }
    if (this.fatal) throw this.fatal;
    return { requestsFinished: 0, requestsFailed: failed, reachedMaxRequests: false };
  }

  private createCrawler(executable: string, userDataDir: string, handle: ResultHandler, enqueue: (r: FetchRequest[]) => Promise<void>) {
    const { options } = this;
    const pagesWithSetup = new WeakSet<object>();
    const documentResponse = new WeakMap<object, ReturnType<typeof trackDocumentResponses>>();
    const crawler = new GatedPlaywrightCrawler(
      {
        requestQueue: this.queue as unknown as RequestQueue,
        useSessionPool: false,
        persistCookiesPerSession: false,
        maxRequestsPerMinute: options.maxRequestsPerMinute,
        maxConcurrency: options.maxConcurrency,
        minConcurrency: options.maxConcurrency,
        navigationTimeoutSecs: options.timeoutSecs,
        requestHandlerTimeoutSecs: options.timeoutSecs * 2,
        maxRequestRetries: options.maxRetries,
        statusMessageLoggingInterval: 3600,
        ...browserLaunchOptions({ chromium, executable, userDataDir, userAgent: this.access.headers['user-agent'] ?? options.userAgent, access: this.access }),
        preNavigationHooks: [
          async ({ page, request }, gotoOptions) => {
            if (!pagesWithSetup.has(page)) {
              pagesWithSetup.add(page);
              await skipHeavyResources(page, options.followRedirect);
              documentResponse.set(page, trackDocumentResponses(page));
              await this.addConfiguredCookies(page);
            }
            if (gotoOptions) gotoOptions.waitUntil = 'load';
            // Last before the page is requested: politeness spacing on its host (host-gate.ts).
            await options.gate?.turn(new URL(request.url).host, hostSpacingMs(options.maxRequestsPerMinute));
          },
        ],
        requestHandler: async (context) => {
          const result = await this.toResult(context, documentResponse.get(context.page));
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
      crawleeConfiguration(),
    );
    crawler.gate = options.gate;
    return crawler;
  }

  /** The configured cookies, for the start URLs' origins, as the HTTP fetcher sends them. */
  private async addConfiguredCookies(page: PlaywrightCrawlingContext['page']): Promise<void> {
    const origins = new Set((this.options.startUrls ?? []).map((url) => new URL(url).origin));
    const cookies = [...origins].flatMap((origin) => Object.entries(this.access.cookies).map(([name, value]) => ({ name, value, url: origin })));
    if (cookies.length > 0) await page.context().addCookies(cookies);
  }

  private async toResult(context: PlaywrightCrawlingContext, latest: ReturnType<typeof trackDocumentResponses> | undefined): Promise<FetchResult> {
    const request = context.request.userData as FetchRequest;
    const response = latest ? await settle(context.page, latest, this.options.timeoutSecs * 1000) : (context.response ?? undefined);
    const url = context.page.url();
    const fetchedAt = new Date().toISOString();
    const status = response?.status() ?? 0;
    if (isChallenge(response)) {
      const message = `HTTP ${status} challenge not passed by the browser within ${this.options.timeoutSecs}s for ${url}: the site's check did not accept it; raise fetch.timeoutSecs, or the site needs a person`;
      return { ok: false, request, error: accessError({ reason: 'challenge', message }), fetchedAt };
    }
    const failure = classifyStatusFailure(status, url, this.access);
    if (failure) return { ok: false, request, error: accessError(failure), fetchedAt };
    // As for HTTP sources (where Crawlee throws these): a 5xx is retried with backoff.
    if (status >= 500) throw new Error(`${status} - server error for ${url}`);
    const headers = response ? await response.allHeaders() : {};
    const raw = response ? await originalBody(response) : undefined;
    // A listApi page is JSON: its bytes as sent, not the viewer page the browser draws around them.
    const body = request.listApi && raw ? raw : await renderedBody(context.page);
    if (body.length > this.options.maxBodyBytes)
      throw new NonRetryableError(`${url}: rendered page of ${body.length} bytes exceeds the limit of ${this.options.maxBodyBytes} bytes (fetch.maxBodyBytes)`);
    return { ok: true, request, url, status, headers, body, fetchedAt, original: raw ? { status, headers, body: raw } : undefined };
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof FatalError)) throw error;
      this.fatal ??= error;
      await this.crawler?.autoscaledPool?.abort();
    }
  }
}
