import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlHarness, serveDocuments } from '../helpers/crawl.js';
import { listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

/**
 * Issue #11, found 1 and 2: a dead or mistyped start URL looked exactly like a healthy source.
 * Now each source's run ends ok, degraded or failed, with the reason in one line naming what to check.
 */
let site: TestSite;
afterEach(async () => {
  await site?.close();
});

async function column(): Promise<string> {
  site = await startTestSite();
  const items = numberedItems(1, 2);
  site.routes.set('/col/ok/index.html', { body: listPage(items) });
  serveDocuments(site, items);
  return `${site.baseUrl}/col/ok/index.html`;
}

async function crawlStart(startUrl: string, fetch: Record<string, unknown> = {}) {
  const h = crawlHarness({ sources: [{ id: 's', startUrls: [startUrl] }], fetch: { maxRetries: 1, retryBackoffMs: 5, timeoutSecs: 2, ...fetch } });
  const { summary } = await h.crawl();
  const stored = h.db.prepare("SELECT outcome, reason FROM source_outcomes WHERE source_id = 's'").get();
  return { summary, stored, h };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('source outcome', () => {
  it('is ok when everything was read', async () => {
    const { summary, stored } = await crawlStart(await column());
    expect(summary.outcomes.s).toEqual({ outcome: 'ok', reason: null });
    expect(summary.status).toBe('ok');
    expect(stored).toEqual({ outcome: 'ok', reason: null });
  });

  it.each([
    [404, 'answered 404 (check startUrls)'],
    [410, 'answered 410 (check startUrls)'],
    [500, 'answered 500 after retries: the server failed; it may work on the next run'],
    [403, 'answered 403 Forbidden: the site refuses this client; try headers (Referer), cookies, or a proxy in mainland China'],
  ])('is failed when the start URL answers %i, saying why', async (status, words) => {
    await column();
    site.routes.set('/col/typo/index.html', { status, body: '<html><body>no</body></html>' });
    const url = `${site.baseUrl}/col/typo/index.html`;
    const { summary, stored } = await crawlStart(url);
    expect(summary.outcomes.s).toEqual({ outcome: 'failed', reason: `${url} ${words}` });
    expect(summary.status).toBe('failed');
    expect(summary.sources.s!.errors).toBeGreaterThan(0);
    expect(stored).toEqual(summary.outcomes.s);
  });

  it('is failed when the start URL serves a PDF, naming the type', async () => {
    await column();
    site.routes.set('/col/file.pdf', { body: Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' });
    const url = `${site.baseUrl}/col/file.pdf`;
    const { summary } = await crawlStart(url);
    expect(summary.outcomes.s).toEqual({ outcome: 'failed', reason: `${url} is not an HTML page (it served application/pdf): check startUrls` });
  });

  it('is failed when nothing answers, with the classified cause and what to check', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/col/index.html`;
    const { summary } = await crawlStart(url);
    expect(summary.outcomes.s!.outcome).toBe('failed');
    expect(summary.outcomes.s!.reason).toMatch(
      /^robots\.txt unreachable, column not read: connection refused \(ECONNREFUSED\) for http:\/\/127\.0\.0\.1:\d+\/robots\.txt: nothing answers on that port/,
    );
  });

  it('is failed when robots.txt disallows the start URL', async () => {
    const url = await column();
    site.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /col/\n', contentType: 'text/plain' });
    const { summary } = await crawlStart(url);
    expect(summary.outcomes.s).toEqual({ outcome: 'failed', reason: `robots.txt of ${site.baseUrl} disallows ${url}: the column is not read` });
  });

  it('is degraded, not failed, when one start URL of two or one document fails', async () => {
    const url = await column();
    site.routes.set('/art/2024/1/3/art_1_2.html', { status: 500, body: 'down' });
    const missing = `${site.baseUrl}/col/missing/index.html`;
    const h = crawlHarness({ sources: [{ id: 's', startUrls: [url, missing] }], fetch: { maxRetries: 0 } });
    const { summary } = await h.crawl();
    expect(summary.outcomes.s!.outcome).toBe('degraded');
    expect(summary.outcomes.s!.reason).toBe(`2 page(s) failed; ${missing} answered 404 (check startUrls)`);
    expect(summary.status).toBe('ok');
  });

  it('is degraded when one start URL of two leads out of scope, though no page failed', async () => {
    const url = await column();
    site.routes.set('/col/moved/index.html', { status: 301, headers: { location: 'http://elsewhere.example/col/' } });
    const moved = `${site.baseUrl}/col/moved/index.html`;
    const h = crawlHarness({ sources: [{ id: 's', startUrls: [url, moved] }] });
    const { summary } = await h.crawl();
    expect(summary.sources.s!.errors).toBe(0);
    expect(summary.outcomes.s).toEqual({
      outcome: 'degraded',
      reason: `${moved} redirects out of the source's scope to http://elsewhere.example/col/: put the target in startUrls or include`,
    });
  });
});
