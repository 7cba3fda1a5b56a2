import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { demoSiteDir } from '../../../src/demo/server.js';

/**
 * The bundled replica site on loopback, where chosen pages can be held: their requests arrive but
 * get no answer until the test releases them. Lets a test act while a crawl is certainly in the
 * middle of a page (take the lock, send SIGTERM) without any timing guesswork.
 */
export interface HeldSite {
  baseUrl: string;
  /** Request paths in arrival order. */
  arrived: string[];
  /** Resolves once a held request has arrived (the crawl is then in the middle of that page). */
  waitForHeld(count?: number): Promise<void>;
  /** Answers every held request and stops holding. */
  releaseAll(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.txt': 'text/plain', '.css': 'text/css', '.js': 'application/javascript' };

export async function startHeldSite(hold: (path: string) => boolean): Promise<HeldSite> {
  const root = demoSiteDir();
  const waiting: (() => void)[] = [];
  const arrived: string[] = [];
  let holding = true;
  let heldCount = 0;
  let notify: () => void = () => {};
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    arrived.push(path);
    const answer = () => void serveFile(root, path, res);
    if (holding && hold(path)) {
      heldCount++;
      waiting.push(answer);
      notify();
    } else {
      answer();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    arrived,
    waitForHeld: (count = 1) => new Promise<void>((resolve) => {
      notify = () => {
        if (heldCount >= count) resolve();
      };
      notify();
    }),
    releaseAll: () => {
      holding = false;
      for (const answer of waiting.splice(0)) answer();
    },
    close: () => new Promise<void>((resolve) => {
      holding = false;
      for (const answer of waiting.splice(0)) answer();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function serveFile(root: string, path: string, res: ServerResponse): Promise<void> {
  const relative = normalize(path.endsWith('/') ? `${path}index.html` : path).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, relative));
    res.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(body);
  } catch {
    if (!res.destroyed) res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404</body></html>');
  }
}
