import type { IncomingMessage } from 'node:http';
import {
  Configuration,
  HttpCrawler,
  type HttpCrawlingContext,
  log as crawleeLog,
  LogLevel,
  NonRetryableError,
  RequestQueue,
} from 'crawlee';
import { BureauWatchError, PermanentError, RetryableError, errorMessage } from '../errors.js';
import { readBoundedBody } from './bounded-body.js';
import type { FetchRequest, ResultHandler } from './types.js';

/**
 * The one place Crawlee lives. Crawlee decodes bodies by the Content-Type header only and its
 * Cheerio crawler parses every page twice; here HttpCrawler hands over the raw bytes (a Node-native
 * forced encoding is never transcoded) and the decode stage does the rest, parsing once.
 * Crawlee's own storage is in memory and purged each run: what must outlive a run is in SQLite.
 */
export interface FetcherOptions {
  userAgent: string;
  maxRequestsPerMinute: number;
  maxConcurrency: number;
  timeoutSecs: number;
  maxBodyBytes: number;
  maxRetries: number;
  maxRequests: number;
  /** Queue name, unique per crawl so parallel sources never share a queue. */
  name: string;
}

export interface FetchStats {
  requestsFinished: number;
  requestsFailed: number;
}

// Crawlee logs to stdout, which the contract keeps for command results; our pino logs report instead.
crawleeLog.setLevel(LogLevel.OFF);

class RawBodyHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxBodyBytes = Number.POSITIVE_INFINITY;

  protected override async _parseHTML(response: IncomingMessage): Promise<Partial<HttpCrawlingContext>> {
    try {
      return { body: await readBoundedBody(response, this.maxBodyBytes, response.url ?? '') };
    } catch (error) {
      // Retrying an oversized page would only download it again.
      throw error instanceof PermanentError ? new NonRetryableError(error.message) : error;
    }
  }
}

export class CrawleeFetcher {
  private crawler: RawBodyHttpCrawler | undefined;

  constructor(private readonly options: FetcherOptions) {}

  /** Fetches the requests and everything the handler enqueues; resolves when the queue is drained. */
  async run(initial: FetchRequest[], handle: ResultHandler): Promise<FetchStats> {
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    const queue = await RequestQueue.open(this.options.name, { config });
    const enqueue = async (requests: FetchRequest[]): Promise<void> => {
      if (requests.length) await queue.addRequests(requests.map(toCrawleeRequest));
    };
    this.crawler = this.createCrawler(queue, config, handle, enqueue);
    await enqueue(initial);
    const stats = await this.crawler.run();
    await queue.drop();
    return { requestsFinished: stats.requestsFinished, requestsFailed: stats.requestsFailed };
  }

  /** Stops taking new requests; the ones in flight finish. */
  async stop(): Promise<void> {
    await this.crawler?.autoscaledPool?.abort();
  }

  private createCrawler(queue: RequestQueue, config: Configuration, handle: ResultHandler, enqueue: (r: FetchRequest[]) => Promise<void>) {
    const { options } = this;
    const crawler = new RawBodyHttpCrawler(
      {
        requestQueue: queue,
        forceResponseEncoding: 'utf8',
        useSessionPool: false,
        persistCookiesPerSession: false,
        maxRequestsPerMinute: options.maxRequestsPerMinute,
        maxConcurrency: options.maxConcurrency,
        minConcurrency: options.maxConcurrency,
        navigationTimeoutSecs: options.timeoutSecs,
        requestHandlerTimeoutSecs: options.timeoutSecs * 2,
        maxRequestRetries: options.maxRetries,
        maxRequestsPerCrawl: options.maxRequests,
        statusMessageLoggingInterval: 3600,
        preNavigationHooks: [
          (context, gotOptions) => {
            gotOptions.headers = { ...gotOptions.headers, ...requestHeaders(options.userAgent, context.request.userData as FetchRequest) };
          },
        ],
        requestHandler: async (context) => {
          const fetchRequest = context.request.userData as FetchRequest;
          const result = {
            ok: true as const,
            request: fetchRequest,
            url: context.request.loadedUrl ?? context.request.url,
            status: context.response.statusCode ?? 0,
            headers: flattenHeaders(context.response.headers),
            body: context.body as Buffer,
            fetchedAt: new Date().toISOString(),
          };
          await handle(result, enqueue);
        },
        failedRequestHandler: async ({ request }, error) => {
          await handle({ ok: false, request: request.userData as FetchRequest, error: classifyError(error, request.url), fetchedAt: new Date().toISOString() }, enqueue);
        },
      },
      config,
    );
    crawler.maxBodyBytes = options.maxBodyBytes;
    return crawler;
  }
}

function toCrawleeRequest(request: FetchRequest) {
  return { url: request.url, uniqueKey: request.url, userData: { ...request } };
}

function requestHeaders(userAgent: string, request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' };
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

/** Crawlee reports plain Errors; turn them into our kinds so the crawl can decide without parsing text. */
function classifyError(error: Error, url: string): BureauWatchError {
  if (error instanceof BureauWatchError) return error;
  const message = errorMessage(error);
  if (error instanceof NonRetryableError) return new PermanentError(message);
  if (/^5\d\d\b|timed out|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|ETIMEDOUT/i.test(message)) {
    return new RetryableError(`${url}: ${message}`);
  }
  return new PermanentError(`${url}: ${message}`);
}
