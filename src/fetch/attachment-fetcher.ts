/**
 * Fetches one attachment the way its source's pages are fetched: the run's User-Agent, the source's
 * proxy, TLS options, headers and cookies (through its SiteFetch), robots.txt, the per-host request
 * slots and spacing shared with the page fetcher (HostGate: one spacing per host), and a
 * conditional GET when the file is known. Outside Crawlee: a download is a different job (a size cap
 * instead of a page cap, an idle timeout instead of a total one, no HTML handling), so it is a
 * plain undici request, redirects followed by hand so each hop is checked against the scope.
 * Every outcome is a value: nothing here throws for what a site does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError, RetryableError, errorMessage, type BureauWatchError } from '../errors.js';
import type { HostGate } from './host-gate.js';
import { backoffDelayMs, classifyError } from './http-errors.js';
import type { RobotsCache } from './robots.js';
import type { FetchFunction } from './site-fetch.js';

export interface AttachmentRequest {
  url: string;
  /** Validators of the file last fetched from this URL. */
  etag?: string | null;
  lastModified?: string | null;
}

export type AttachmentAnswer =
  | { kind: 'file'; finalUrl: string; status: number; headers: Record<string, string>; body: Buffer; fetchedAt: string }
  | { kind: 'not-modified'; fetchedAt: string }
  | { kind: 'not-found'; status: number; fetchedAt: string }
  | { kind: 'too-large'; size: number | null; reason: string; fetchedAt: string }
  | { kind: 'out-of-scope'; reason: string; fetchedAt: string }
  | { kind: 'failed'; error: BureauWatchError; fetchedAt: string };

export interface AttachmentFetchOptions {
  userAgent: string;
  /** For the answer's head, and for each pause between two chunks of the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRetries: number;
  retryBackoffMs: number;
  /** The source's way of reaching sites (src/fetch/site-fetch.ts). */
  fetch: FetchFunction;
  robots: RobotsCache;
  gate: HostGate;
  /** Least time between two attachment requests to one host. */
  minIntervalMs: number;
  /** Whether an attachment (or a redirect's target) may be fetched from this URL's host. */
  inScope(url: URL): boolean;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const GONE_STATUSES = new Set([404, 410]);

export async function fetchAttachment(request: AttachmentRequest, options: AttachmentFetchOptions): Promise<AttachmentAnswer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await fetchOnce(request, options);
    const retry = answer.kind === 'failed' && answer.error.kind === 'retryable' && attempt < options.maxRetries && !options.signal?.aborted;
    if (!retry) return answer;
    await sleep(backoffDelayMs(attempt, options.retryBackoffMs), undefined, { signal: options.signal }).catch(() => undefined);
  }
}

async function fetchOnce(request: AttachmentRequest, options: AttachmentFetchOptions): Promise<AttachmentAnswer> {
  let url = new URL(request.url);
  for (let hop = 0; ; hop++) {
    const refusal = await refusalOf(url, options);
    if (refusal) return { kind: 'out-of-scope', reason: hop === 0 ? refusal : `redirected to ${url.href}: ${refusal}`, fetchedAt: now() };
    const answer = await requestOnce(url, hop === 0 ? request : { url: url.href }, options);
    if (answer.kind !== 'redirect') return answer;
    if (hop >= MAX_REDIRECTS) return failed(new PermanentError(`${request.url}: more than ${MAX_REDIRECTS} redirects`));
    url = answer.target;
  }
}

/** Why this URL may not be fetched, or null. */
async function refusalOf(url: URL, options: AttachmentFetchOptions): Promise<string | null> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `not an http(s) URL`;
  if (!options.inScope(url)) return `host ${url.hostname} is neither the page's nor one of the source's attachmentHosts`;
  if (!(await options.robots.isAllowed(url.href))) return 'disallowed by robots.txt';
  return null;
}

type HopAnswer = AttachmentAnswer | { kind: 'redirect'; target: URL };

async function requestOnce(url: URL, request: AttachmentRequest, options: AttachmentFetchOptions): Promise<HopAnswer> {
  const release = await options.gate.acquire(url.host);
  let timer: IdleTimer | undefined;
  try {
    // The host's one spacing, shared with its pages: a file is a request like any other to the site.
    await options.gate.turn(url.host, options.minIntervalMs);
    options.signal?.throwIfAborted();
    timer = new IdleTimer(options.timeoutMs, options.signal);
    const response = await options.fetch(url.href, { headers: requestHeaders(options.userAgent, request), redirect: 'manual', signal: timer.signal });
    return await answerOf(response, url, options, timer);
  } catch (error) {
    return failed(
      timer?.expired ? new RetryableError(`${url.href}: timed out (no data for ${options.timeoutMs} ms)`) : classifyError(asError(error), url.href),
    );
  } finally {
    timer?.stop();
    release();
  }
}

async function answerOf(response: Response, url: URL, options: AttachmentFetchOptions, timer: IdleTimer): Promise<HopAnswer> {
  const { status } = response;
  if (REDIRECT_STATUSES.has(status)) {
    await response.body?.cancel();
    const target = resolveLocation(response.headers.get('location'), url);
    return target ? { kind: 'redirect', target } : failed(new PermanentError(`${url.href}: HTTP ${status} without a usable Location`));
  }
  if (status === 304) return { kind: 'not-modified', fetchedAt: now() };
  if (status < 200 || status >= 300) {
    await response.body?.cancel();
    if (GONE_STATUSES.has(status)) return { kind: 'not-found', status, fetchedAt: now() };
    const message = `${url.href}: HTTP ${status}`;
    return failed(status >= 500 || status === 429 ? new RetryableError(message) : new PermanentError(message));
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    return tooLarge(declared, `${declared} bytes announced, more than fetch.maxAttachmentBytes (${options.maxBytes})`);
  }
  const body = await readBody(response, options.maxBytes, timer);
  if (!body) return tooLarge(null, `more than fetch.maxAttachmentBytes (${options.maxBytes}) bytes`);
  return { kind: 'file', finalUrl: url.href, status, headers: Object.fromEntries(response.headers), body, fetchedAt: now() };
}

/** The body, or null past maxBytes (the download is cancelled there). */
async function readBody(response: Response, maxBytes: number, timer: IdleTimer): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    timer.restart();
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function requestHeaders(userAgent: string, request: AttachmentRequest): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: '*/*' };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** Aborts when no progress was made for `ms` (or when the outer signal aborts). */
class IdleTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  expired = false;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    outer?: AbortSignal,
  ) {
    this.signal = outer ? AbortSignal.any([this.controller.signal, outer]) : this.controller.signal;
    this.restart();
  }

  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function resolveLocation(location: string | null, base: URL): URL | null {
  try {
    return location ? new URL(location, base) : null;
  } catch {
    return null;
  }
}

function tooLarge(size: number | null, reason: string): AttachmentAnswer {
  return { kind: 'too-large', size, reason, fetchedAt: now() };
}

function failed(error: BureauWatchError): AttachmentAnswer {
  return { kind: 'failed', error, fetchedAt: now() };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(errorMessage(error));
}

function now(): string {
  return new Date().toISOString();
}
