import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server whose every path is a small program: tests say what each path does (answer,
 * stall, reset, truncate, redirect …) and read back what was asked. Unknown paths answer 404.
 */
export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

export interface FaultServer {
  baseUrl: string;
  /** Sets what a path (without query) does; `hit` counts requests to it, from 1. */
  route(path: string, handler: Route): void;
  /** Every request, in arrival order. */
  requests: { path: string; host: string | undefined; userAgent: string | undefined }[];
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFaultServer(host = '127.0.0.1'): Promise<FaultServer> {
  const routes = new Map<string, Route>();
  const hitCounts = new Map<string, number>();
  const requests: FaultServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const hit = (hitCounts.get(path) ?? 0) + 1;
    hitCounts.set(path, hit);
    requests.push({ path, host: req.headers.host, userAgent: req.headers['user-agent'] });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>404</body></html>');
      return;
    }
    Promise.resolve(handler(req, res, hit)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    baseUrl: `http://${host}:${(server.address() as AddressInfo).port}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    hits: (path) => hitCounts.get(path) ?? 0,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** A 200 answer with an HTML body, UTF-8 unless bytes are given. */
export function html(body: string | Buffer, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(bytes.byteLength), ...headers }).end(bytes);
  };
}
