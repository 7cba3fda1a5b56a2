/**
 * A loopback site served from a worker thread, noting when each request arrives. The crawl under
 * test runs on the test's own thread; a server there would note a request only once that thread
 * is free (after the page in hand is parsed and stored), blurring the gaps a politeness test
 * measures. In its own thread the server notes arrivals as they happen.
 */
import { Worker } from 'node:worker_threads';
import { onTestFinished } from 'vitest';

export interface TimedPage {
  body: string;
  /** @default text/html; charset=utf-8 */
  contentType?: string;
}

export interface TimedSite {
  baseUrl: string;
  /** Requests so far, in arrival order: path and time (ms, the worker's clock). */
  arrivals(): Promise<{ path: string; at: number }[]>;
  close(): Promise<void>;
}

const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const arrivals = [];
const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://site').pathname;
  arrivals.push({ path, at: performance.now() });
  const page = workerData.pages[path];
  if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404</body></html>');
  res.writeHead(200, { 'content-type': page.contentType || 'text/html; charset=utf-8' }).end(page.body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'arrivals') parentPort.postMessage({ arrivals });
  if (message === 'close') server.close(() => parentPort.close());
});
`;

export async function startTimedSite(pages: Record<string, TimedPage>): Promise<TimedSite> {
  const worker = new Worker(SERVER, { eval: true, execArgv: [], workerData: { pages } });
  const next = <T>(key: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        worker.off('message', listener);
        resolve(message[key] as T);
      };
      worker.on('message', listener);
    });
  const port = await next<number>('port');
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    }));
  onTestFinished(close);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    arrivals: () => {
      const answer = next<{ path: string; at: number }[]>('arrivals');
      worker.postMessage('arrivals');
      return answer;
    },
    close,
  };
}
