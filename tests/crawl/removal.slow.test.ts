import { afterEach, describe, expect, it } from 'vitest';
import { documentStatus, eventTypes, crawlHarness, serveDocuments } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

/** A column listing four documents; the tests change what the documents answer between runs. */
async function setUp() {
  site = await startTestSite();
  const items = numberedItems(1, 4);
  site.routes.set('/col/c/index.html', { body: listPage(items) });
  serveDocuments(site, items);
  const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
  await h.crawl();
  return { h, paths: items.map((i) => i.href), url: (path: string) => site.baseUrl + path };
}

describe('removal of documents', () => {
  it('removes a document after 404/410 on two consecutive runs, with one document.removed event', async () => {
    const { h, paths, url } = await setUp();
    site.routes.set(paths[0]!, { status: 404, body: 'not here' });
    site.routes.set(paths[1]!, { status: 410, body: 'gone' });

    const { summary: first } = await h.crawl();
    expect(first.sources.c!.removed).toBe(0);
    expect(documentStatus(h.db, url(paths[0]!))).toEqual({ status: 'active', missingCount: 1 });

    const { summary: second } = await h.crawl();
    expect(second.sources.c!.removed).toBe(2);
    expect(documentStatus(h.db, url(paths[0]!))?.status).toBe('removed');
    expect(documentStatus(h.db, url(paths[1]!))?.status).toBe('removed');
    expect(eventTypes(h.db, url(paths[0]!))).toEqual(['document.created', 'document.removed']);

    await h.crawl();
    expect(eventTypes(h.db, url(paths[0]!))).toEqual(['document.created', 'document.removed']);
  });

  it('starts counting again when a run in between answers 200, 304 or 5xx', async () => {
    const { h, paths, url } = await setUp();
    const [viaOk, viaServerError] = [paths[0]!, paths[1]!];
    site.routes.set(viaOk, { status: 404 });
    site.routes.set(viaServerError, { status: 404 });
    await h.crawl();
    serveDocuments(site, [{ href: viaOk, title: '关于第1项工作的通知', date: '' }]);
    site.routes.set(viaServerError, { status: 500, body: 'oops' });
    await h.crawl();
    expect(documentStatus(h.db, url(viaOk))).toEqual({ status: 'active', missingCount: 0 });
    expect(documentStatus(h.db, url(viaServerError))).toEqual({ status: 'active', missingCount: 0 });
    site.routes.set(viaOk, { status: 404 });
    site.routes.set(viaServerError, { status: 404 });
    await h.crawl();
    expect(documentStatus(h.db, url(viaOk))?.status).toBe('active');
    expect(documentStatus(h.db, url(viaServerError))?.status).toBe('active');
  });

  it('never removes on 5xx or timeouts, retrying each with backoff', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 2);
    site.routes.set('/col/c/index.html', { body: listPage(items) });
    serveDocuments(site, items);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }], fetch: { timeoutSecs: 0.3 } });
    await h.crawl();
    site.routes.set(items[0]!.href, { status: 503, body: 'maintenance' });
    site.routes.set(items[1]!.href, { body: documentPage('慢'), delay: 1500 });
    for (let run = 0; run < 3; run++) {
      const { summary } = await h.crawl();
      expect(summary.sources.c).toMatchObject({ removed: 0, errors: 2 });
    }
    for (const item of items) expect(documentStatus(h.db, site.baseUrl + item.href)?.status).toBe('active');
    // maxRetries 2: three attempts per run.
    expect(site.hits(items[0]!.href).filter((r) => r.status === 503)).toHaveLength(9);
  });

  it('brings a removed document back as active when it answers again', async () => {
    const { h, paths, url } = await setUp();
    site.routes.set(paths[2]!, { status: 404 });
    await h.crawl();
    await h.crawl();
    expect(documentStatus(h.db, url(paths[2]!))?.status).toBe('removed');
    serveDocuments(site, [{ href: paths[2]!, title: '关于第3项工作的通知', date: '' }]);
    await h.crawl();
    expect(documentStatus(h.db, url(paths[2]!))).toEqual({ status: 'active', missingCount: 0 });
  });

  it('counts a known document that now redirects to the home page as missing', async () => {
    const { h, paths, url } = await setUp();
    site.routes.set('/index.html', { body: listPage(numberedItems(1, 4)) });
    site.routes.set(paths[1]!, { status: 302, headers: { location: '/index.html' } });
    await h.crawl();
    expect(documentStatus(h.db, url(paths[1]!))).toEqual({ status: 'active', missingCount: 1 });
    await h.crawl();
    expect(documentStatus(h.db, url(paths[1]!))?.status).toBe('removed');
    expect(documentStatus(h.db, `${site.baseUrl}/index.html`)).toBeUndefined();
  });

  it('counts a 200 page that only says "页面不存在" (soft 404) as missing, and never stores it', async () => {
    const { h, paths, url } = await setUp();
    const notice = '<html><head><title>404 页面不存在</title></head><body><p>您访问的页面不存在或已被删除。</p></body></html>';
    site.routes.set(paths[3]!, { body: notice });
    await h.crawl();
    await h.crawl();
    expect(documentStatus(h.db, url(paths[3]!))?.status).toBe('removed');
    const versions = h.db.prepare('SELECT count(*) FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.url = ?').pluck().get(url(paths[3]!));
    expect(versions).toBe(1);
  });
});
