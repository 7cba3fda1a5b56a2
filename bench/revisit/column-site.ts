/**
 * The revisit benchmark's site: one bureau column of N documents on loopback, newest first, 20
 * items a list page linked by 下一页; each document dated (one every day back from the newest),
 * with its own text, an ETag and a 304 answer to a matching If-None-Match. It counts what it is
 * asked for, by kind, so a run's cost is read off the server rather than the crawler.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PER_LIST_PAGE = 20;

export interface RequestTally {
  listPages: number;
  /** Documents answered in full (200). */
  documents: number;
  /** Documents answered 304 Not Modified. */
  notModified: number;
  other: number;
}

export interface ColumnSite {
  startUrl: string;
  /** What was asked since the last call, and the paths of the documents among it. */
  take(): { tally: RequestTally; documentPaths: string[] };
  close(): Promise<void>;
}

const CHARS = '教育局关于印发年度工作要点的通知各学校要认真贯彻落实有关要求切实加强组织领导确保任务按时保质完成主动接受社会监督推进改革发展';

export async function startColumnSite(documents: number, newest: Date): Promise<ColumnSite> {
  let tally = emptyTally();
  let documentPaths: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const list = /^\/col\/(?:index|list_(\d+))\.html$/.exec(path);
    const doc = /^\/art\/(\d+)\.html$/.exec(path);
    if (list) {
      tally.listPages++;
      return send(res, 200, listPage(Number(list[1] ?? 1), documents, newest));
    }
    if (doc && Number(doc[1]) < documents) {
      documentPaths.push(path);
      const etag = `"v1-${doc[1]}"`;
      if (req.headers['if-none-match'] === etag) {
        tally.notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      tally.documents++;
      return send(res, 200, documentPage(Number(doc[1]), newest), { etag });
    }
    tally.other++;
    send(res, 404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    startUrl: `http://127.0.0.1:${port}/col/index.html`,
    take: () => {
      const taken = { tally, documentPaths };
      tally = emptyTally();
      documentPaths = [];
      return taken;
    },
    close: () => closeServer(server),
  };
}

function listPage(page: number, documents: number, newest: Date): string {
  const pages = Math.ceil(documents / PER_LIST_PAGE);
  const first = (page - 1) * PER_LIST_PAGE;
  const items = [];
  for (let n = first; n < Math.min(first + PER_LIST_PAGE, documents); n++) {
    items.push(`<li><a href="/art/${n}.html">${titleOf(n)}</a><span>${dateOf(n, newest)}</span></li>`);
  }
  const next = page < pages ? `<a href="list_${page + 1}.html">下一页</a>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某某区教育局</title></head><body>
<div class="main"><ul class="list">${items.join('')}</ul><div class="pages">${next}</div></div></body></html>`;
}

function documentPage(n: number, newest: Date): string {
  const paragraphs = Array.from({ length: 6 }, (_, p) => `<p>${textOf(n * 7 + p)}</p>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${titleOf(n)}_某某区教育局</title>
<meta name="ArticleTitle" content="${titleOf(n)}"><meta name="PubDate" content="${dateOf(n, newest)}"></head><body>
<h1>${titleOf(n)}</h1><div class="content">${paragraphs}</div></body></html>`;
}

function titleOf(n: number): string {
  return `关于做好第${n + 1}号文件有关工作的通知`;
}

/** Document n was published n days before the newest. */
function dateOf(n: number, newest: Date): string {
  return new Date(newest.getTime() - n * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** About 120 characters of text no other paragraph has (a linear congruential walk over CHARS). */
function textOf(seed: number): string {
  let state = (seed * 2654435761) >>> 0;
  let text = `第${seed}段：`;
  for (let i = 0; i < 120; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += CHARS[state % CHARS.length];
  }
  return `${text}。`;
}

function send(res: import('node:http').ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
}

function emptyTally(): RequestTally {
  return { listPages: 0, documents: 0, notModified: 0, other: 0 };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
