/** What the crawl asks of a fetcher, whichever way it fetches, and what it is set up with. */
import type { HostGate } from './host-gate.js';
import type { SiteAccess } from './site-access.js';
import type { FetchRequest, QueueBudget, ResultHandler } from './types.js';

export interface FetcherOptions {
  userAgent: string;
  maxRequestsPerMinute: number;
  maxConcurrency: number;
  timeoutSecs: number;
  maxBodyBytes: number;
  maxRetries: number;
  /** First retry waits about this long, each further one twice as long (5xx and timeouts only). */
  retryBackoffMs: number;
  /** Distinct URLs fetched per run, at most (a retry is the same URL); a hard bound, see run-queue.ts. */
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

/** What the crawl needs of a source's fetcher, whichever way it fetches. */
export interface SourceFetcher {
  readonly budget: QueueBudget;
  run(initial: Iterable<FetchRequest>, handle: ResultHandler): Promise<FetchStats>;
  stop(): Promise<void>;
}
