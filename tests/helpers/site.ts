/**
 * The one loopback site of the tests, built on the demo's static server (src/demo/server.ts): a
 * folder of files (the bundled replica site, or none) plus what the test scripts on top of it.
 * - `routes`: what a path answers, as a page (ETag and 304 answers by the server) or a function of
 *   the request returning one; change them between crawls freely.
 * - `route(path, handler)`: a raw handler for faults (stall, reset, truncate, a slow trickle).
 * - `hold(...)`: requests to matching paths arrive but get no answer until `releaseAll()`, so a test
 *   can act while a crawl is certainly in the middle of a page.
 * - `tls`: served over HTTPS with one of the test certificates in tests/fixtures/tls.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { demoSiteDir, startStaticSite, type RequestLogEntry, type SiteOverride } from '../../src/demo/server.js';

/** What a path answers. */
export interface Page {
  /** @default 200 */
  status?: number;
  body?: string | Buffer;
  /** @default text/html; charset=utf-8 */
  contentType?: string;
  headers?: Record<string, string>;
  /** Send no ETag (validators come from `headers`, e.g. Last-Modified, if at all). @default false */
  noEtag?: boolean;
  /** Wait this long (or for this promise) before answering. @default no wait */
  delay?: number | Promise<unknown>;
}

export type Route = Page | ((request: IncomingMessage, url: URL) => Page | Promise<Page>);

/** A raw handler; `hit` counts the requests to its path, from 1. */
export type RawRoute = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

/** An answered request, with every header it came with. */
export type LoggedRequest = RequestLogEntry & { headers: IncomingHttpHeaders };

/**
 * The test certificates, made once with openssl and valid for 100 years: a test CA (ca.pem), a leaf
 * for 127.0.0.1 it signed (leaf.pem, served alone: an incomplete chain) and a self-signed one
 * (self-signed.pem); each with its key (`<name>-key.pem`).
 */
export function tlsFixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
}

export interface TestSite {
  /** `http://127.0.0.1:PORT` (https with `tls`) */
  baseUrl: string;
  /** `127.0.0.1:PORT` */
  host: string;
  port: number;
  /** Keyed by path with query, or by path alone (any query). */
  routes: Map<string, Route>;
  /** Sets a raw handler for a path (without query); it wins over `routes` and files. */
  route(path: string, handler: RawRoute): void;
  /** Every answered request, in order. */
  requests: LoggedRequest[];
  /** Requests to this path (with or without query). */
  hits(path: string): LoggedRequest[];
  /** Most requests in progress at once. */
  maxInFlight(): number;
  /** Paths of requests as they arrive (held ones too). */
  arrived: string[];
  /** Holds requests whose path matches until releaseAll(). */
  hold(matches: (path: string) => boolean): void;
  /** Resolves once this many held requests have arrived. */
  waitForHeld(count?: number): Promise<void>;
  /** Answers every held request and stops holding. */
  releaseAll(): void;
  /** Stops the server (a second call waits for the first). */
  close(): Promise<void>;
}

export interface TestSiteOptions {
  /** Files served where no route says otherwise; 'demo' is the bundled replica site. @default none */
  root?: string;
  /** @default routes */
  routes?: Record<string, Route>;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS with this certificate of tests/fixtures/tls (see tlsFixture). @default plain HTTP */
  tls?: 'leaf' | 'self-signed';
  /** @default any free port */
  port?: number;
}

export async function startTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const emptyRoot = options.root ? null : mkdtempSync(join(tmpdir(), 'bw-site-'));
  const root = options.root === 'demo' ? demoSiteDir() : (options.root ?? emptyRoot!);
  const routes = new Map<string, Route>(Object.entries(options.routes ?? {}));
  const raw = new Map<string, RawRoute>();
  const hitCounts = new Map<string, number>();
  const arrived: string[] = [];
  const held = { matches: (_path: string) => false, count: 0, waiting: [] as (() => void)[], notify: () => {} };
  let inFlight = 0;
  let peak = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<SiteOverride | 'answered' | undefined> => {
    const url = new URL(req.url ?? '/', 'http://test-site');
    arrived.push(url.pathname);
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.once('close', () => inFlight--);
    const hit = (hitCounts.get(url.pathname) ?? 0) + 1;
    hitCounts.set(url.pathname, hit);
    if (held.matches(url.pathname)) {
      held.count++;
      held.notify();
      await new Promise<void>((release) => held.waiting.push(release));
    }
    const handler = raw.get(url.pathname);
    if (handler) {
      await handler(req, res, hit);
      return 'answered';
    }
    const route = routes.get(url.pathname + url.search) ?? routes.get(url.pathname);
    if (route === undefined) return undefined;
    const page = typeof route === 'function' ? await route(req, url) : route;
    if (typeof page.delay === 'number') await sleep(page.delay);
    else if (page.delay) await page.delay;
    if (page.noEtag) return answerWithoutValidators(res, page);
    return pageOverride(page);
  };

  const requests: LoggedRequest[] = [];
  const site = await startStaticSite(root, {
    host: options.host,
    port: options.port,
    handle,
    onRequest: (entry, req) => void requests.push({ ...entry, headers: req.headers }),
    ...(options.tls ? { tls: { cert: readFileSync(tlsFixture(`${options.tls}.pem`)), key: readFileSync(tlsFixture(`${options.tls}-key.pem`)) } } : {}),
  });
  let closed: Promise<void> | undefined;
  const releaseAll = (): void => {
    held.matches = () => false;
    for (const release of held.waiting.splice(0)) release();
  };
  return {
    baseUrl: site.baseUrl,
    host: new URL(site.baseUrl).host,
    port: Number(new URL(site.baseUrl).port),
    routes,
    route: (path, handler) => void raw.set(path, handler),
    requests,
    hits: (path) => requests.filter((request) => request.path === path || request.path.split('?')[0] === path),
    maxInFlight: () => peak,
    arrived,
    hold: (matches) => void (held.matches = matches),
    waitForHeld: (count = 1) =>
      new Promise<void>((resolve) => {
        held.notify = () => {
          if (held.count >= count) resolve();
        };
        held.notify();
      }),
    releaseAll,
    close: () =>
      (closed ??= (async () => {
        releaseAll();
        await site.close();
        if (emptyRoot) rmSync(emptyRoot, { recursive: true, force: true });
      })()),
  };
}

/** A page as the static server's override: it adds the ETag and answers If-None-Match with 304. */
function pageOverride(page: Page): SiteOverride {
  const { contentType, headers } = splitContentType(page);
  return { status: page.status ?? 200, body: page.body ?? '', contentType, headers };
}

function answerWithoutValidators(res: ServerResponse, page: Page): 'answered' {
  const { contentType, headers } = splitContentType(page);
  res.writeHead(page.status ?? 200, { ...headers, 'Content-Type': contentType }).end(page.body);
  return 'answered';
}

/** Header names are matched case-insensitively: a content-type among the headers becomes the content type. */
function splitContentType(page: Page): { contentType: string; headers: Record<string, string> } {
  const headers = { ...page.headers };
  let contentType = page.contentType ?? 'text/html; charset=utf-8';
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'content-type') {
      contentType = headers[name]!;
      delete headers[name];
    }
  }
  return { contentType, headers };
}

/** A raw route answering 200 with an HTML body, UTF-8 unless bytes are given. */
export function html(body: string | Buffer, headers: Record<string, string> = {}): RawRoute {
  return (_req, res) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(bytes.byteLength), ...headers }).end(bytes);
  };
}
