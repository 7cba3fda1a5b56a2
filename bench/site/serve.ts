import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One benchmark host: pages held in memory as encoded bytes, served like a plain government web
 * server (`text/html` without charset, ETag + Last-Modified, 304 on a matching validator, 404 else).
 */
export interface BenchHost {
  baseUrl: string;
  pages: Map<string, { body: Buffer; etag: string }>;
  /** Answers by status since the last reset. */
  statusCounts: Map<number, number>;
  close(): Promise<void>;
}

const LAST_MODIFIED = new Date(Date.UTC(2024, 0, 15, 8, 0, 0)).toUTCString();

export function pageEntry(body: Buffer): { body: Buffer; etag: string } {
  return { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"` };
}

/** Binds 127.0.0.2, .3 … when the system allows it (distinct hosts), else 127.0.0.1 on distinct ports. */
export async function startBenchHost(index: number): Promise<BenchHost> {
  const pages = new Map<string, { body: Buffer; etag: string }>();
  const statusCounts = new Map<number, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const page = pages.get(path === '/' ? '/index.html' : path);
    const status = !page ? 404 : req.headers['if-none-match'] === page.etag ? 304 : 200;
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body><h1>404 Not Found</h1></body></html>');
    } else if (status === 304) {
      res.writeHead(304, { ETag: page.etag, 'Last-Modified': LAST_MODIFIED }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': page.body.byteLength, ETag: page.etag, 'Last-Modified': LAST_MODIFIED });
      res.end(page.body);
    }
  });
  server.keepAliveTimeout = 30_000;
  const host = await listen(server, `127.0.0.${2 + index}`).catch(() => listen(server, '127.0.0.1'));
  return {
    baseUrl: host,
    pages,
    statusCounts,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, address: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(0, address, () => {
      server.off('error', onError);
      resolve(`http://${address}:${(server.address() as AddressInfo).port}`);
    });
  });
}
