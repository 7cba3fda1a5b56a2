import { afterEach, describe, expect, it } from 'vitest';
import { archiveIsConsistent, faultHarness, storedTexts } from '../helpers/crawl.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';

/** 5xx bursts, stalls, connection resets, truncated bodies: retried, reported, never stored half. */
let server: TestSite;
afterEach(async () => {
  await server?.close();
});

function truncated(page: string): (req: unknown, res: import('node:http').ServerResponse) => void {
  const bytes = Buffer.from(page, 'utf8');
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(bytes.byteLength) });
    res.write(bytes.subarray(0, Math.floor(bytes.byteLength / 3)));
    setTimeout(() => res.destroy(), 20);
  };
}

function truncatedChunked(page: string): (req: unknown, res: import('node:http').ServerResponse) => void {
  const bytes = Buffer.from(page, 'utf8');
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
    setTimeout(() => res.destroy(), 20);
  };
}

describe('transient HTTP faults', () => {
  it('retries a 5xx burst, a reset and a truncated body, then stores the full page once', async () => {
    server = await startTestSite();
    const pages = [1, 2, 3, 4].map((n) => disclosurePage(`第${n}号文件`, `标记${n}`));
    server.route('/', html(listPage(linkItems([1, 2, 3, 4].map(docPath)))));
    server.route(docPath(1), (req, res, hit) => (hit <= 2 ? void res.writeHead(503).end('busy') : html(pages[0]!)(req, res, hit)));
    server.route(docPath(2), (req, res, hit) => (hit === 1 ? void req.socket.destroy() : html(pages[1]!)(req, res, hit)));
    server.route(docPath(3), (req, res, hit) => (hit === 1 ? truncated(pages[2]!)(req, res) : html(pages[2]!)(req, res, hit)));
    server.route(docPath(4), (req, res, hit) => (hit === 1 ? truncatedChunked(pages[3]!)(req, res) : html(pages[3]!)(req, res, hit)));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], fetch: { maxRetries: 2 } });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src'], log.text()).toMatchObject({ created: 4, errors: 0 });
    const texts = storedTexts(archive.db);
    for (const n of [1, 2, 3, 4]) {
      expect(texts.get(docPath(n)), `document ${n}`).toContain(`标记${n}第6段`);
    }
    expect(server.hits(docPath(1)).length).toBe(3);
    expect(archiveIsConsistent(archive.db)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
  });
});

describe('persistent HTTP faults', () => {
  it('reports each failing page with its URL and cause, stores nothing of it, and finishes the rest', async () => {
    server = await startTestSite();
    server.route('/', html(listPage(linkItems([1, 2, 3, 4, 5, 6].map(docPath)))));
    server.route(docPath(1), (_req, res) => void res.writeHead(500).end('internal error'));
    server.route(docPath(2), () => undefined); // never answers
    server.route(docPath(3), (req) => void req.socket.destroy());
    server.route(docPath(4), truncated(disclosurePage('截断的文件', '截断')));
    server.route(docPath(5), html(disclosurePage('正常文件五', '正常五')));
    server.route(docPath(6), html(disclosurePage('正常文件六', '正常六')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], fetch: { maxRetries: 1, timeoutSecs: 0.5 } });
    const { summary, log } = await archive.crawl();

    expect(summary.status).toBe('ok');
    expect(summary.sources['fault-src']).toMatchObject({ created: 2, errors: 4 });
    expect([...storedTexts(archive.db).keys()].sort()).toEqual([docPath(5), docPath(6)]);
    const warnings = log.lines.filter((line) => line.level === 40 || line.level === 50);
    const about = (n: number) =>
      warnings
        .filter((line) => JSON.stringify(line).includes(docPath(n)))
        .map((line) => String(line.msg))
        .join(' | ');
    expect(about(1)).toMatch(/500/);
    expect(about(2)).toMatch(/time(d)? ?out/i);
    expect(about(3)).toMatch(/ECONNRESET|socket hang up|closed/i);
    expect(about(4)).toMatch(/premature|closed|aborted|ECONNRESET|socket hang up/i);
    // Each failing page was tried exactly 1 + maxRetries times.
    for (const n of [1, 2, 3, 4]) expect(server.hits(docPath(n)).length, `document ${n}`).toBe(2);
    expect(archiveIsConsistent(archive.db)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
  });

  it('never removes a known document that answers 5xx or stalls on later runs', async () => {
    server = await startTestSite();
    server.route('/', html(listPage(linkItems([docPath(1), docPath(2)]))));
    server.route(docPath(1), html(disclosurePage('会出错的文件', '出错')));
    server.route(docPath(2), html(disclosurePage('会超时的文件', '超时')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], fetch: { maxRetries: 0, timeoutSecs: 0.5 } });
    await archive.crawl();
    server.route(docPath(1), (_req, res) => void res.writeHead(502).end());
    server.route(docPath(2), () => undefined);
    await archive.crawl();
    await archive.crawl();

    const statuses = archive.db.prepare('SELECT status FROM documents').pluck().all();
    expect(statuses).toEqual(['active', 'active']);
    expect(archive.db.prepare("SELECT count(*) FROM events WHERE type = 'document.removed'").pluck().get()).toBe(0);
  });
});
