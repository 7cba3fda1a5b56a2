import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What one path answers. A 200 gets an ETag and answers a matching If-None-Match with 304. */
export interface Page {
  status?: number;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send no ETag (validators come from `headers`, e.g. Last-Modified, if at all). */
  noEtag?: boolean;
  /** Wait this long (or for this promise) before answering. */
  delay?: number | Promise<unknown>;
}

export type Route = Page | ((request: IncomingMessage, url: URL) => Page | Promise<Page>);

export interface LoggedRequest {
  path: string;
  status: number;
  userAgent: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface FixtureSite {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  host: string;
  /** Keyed by path with query, or by path alone (any query). Change it between crawls freely. */
  routes: Map<string, Route>;
  requests: LoggedRequest[];
  /** Most requests this site ever had in progress at once. */
  maxInFlight(): number;
  hits(path: string): LoggedRequest[];
  close(): Promise<void>;
}

/** A loopback web server with routes set by the test: the bureau site a crawl test needs. */
export async function startFixtureSite(routes: Record<string, Route> = {}): Promise<FixtureSite> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    void answer(req).then(
      ({ status, headers, body }) => {
        requests.push({
          path: req.url ?? '/',
          status,
          userAgent: req.headers['user-agent'] ?? '',
          ifNoneMatch: req.headers['if-none-match'],
          ifModifiedSince: req.headers['if-modified-since'],
        });
        inFlight--;
        res.writeHead(status, headers);
        res.end(body);
      },
      () => {
        inFlight--;
        res.destroy();
      },
    );
  });

  async function answer(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body?: Buffer }> {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const route = table.get(url.pathname + url.search) ?? table.get(url.pathname);
    const page: Page = route === undefined ? { status: 404, body: '<html><body>404 Not Found</body></html>' }
      : typeof route === 'function' ? await route(req, url) : route;
    if (typeof page.delay === 'number') await sleep(page.delay);
    else if (page.delay) await page.delay;
    const status = page.status ?? 200;
    const body = page.body === undefined ? undefined : Buffer.from(page.body);
    const headers: Record<string, string> = { 'content-type': page.contentType ?? 'text/html; charset=utf-8', ...page.headers };
    if (status === 200 && body && !page.noEtag) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
    }
    return { status, headers, body };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    routes: table,
    requests,
    maxInFlight: () => peak,
    hits: (path) => requests.filter((request) => request.path === path),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
