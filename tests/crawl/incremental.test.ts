import { afterEach, describe, expect, it } from 'vitest';
import { crawlHarness, serveDocuments, storedUrls } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems, type Item } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

const count = (h: ReturnType<typeof crawlHarness>, table: string) => h.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('conditional re-visits', () => {
  it('re-visits every known document with its validators; a 304 stores nothing but the check time', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 3);
    site.routes.set('/col/c/index.html', { body: listPage(items) });
    serveDocuments(site, items);
    const modified = new Date(Date.UTC(2024, 0, 2)).toUTCString();
    const byDate = { href: '/art/2024/2/1/art_1_100.html', title: '按日期校验的文件', date: '2024-02-01' };
    site.routes.set(byDate.href, (req) =>
      req.headers['if-modified-since'] === modified
        ? { status: 304, noEtag: true }
        : { body: documentPage(byDate.title), noEtag: true, headers: { 'last-modified': modified } },
    );
    site.routes.set('/col/c/index.html', { body: listPage([...items, byDate]) });
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    const before = { versions: count(h, 'versions'), blobs: count(h, 'blobs'), events: count(h, 'events') };
    const checkedBefore = h.db.prepare('SELECT max(last_checked_at) FROM documents').pluck().get() as string;
    const start = site.requests.length;

    const { summary: second } = await h.crawl();

    const again = site.requests.slice(start);
    expect(second.sources.c).toMatchObject({ notModified: 4, created: 0, updated: 0, errors: 0 });
    expect(again.filter((r) => r.status === 304)).toHaveLength(4);
    expect(again.filter((r) => r.path.startsWith('/art/')).every((r) => r.ifNoneMatch || r.ifModifiedSince)).toBe(true);
    expect(again.find((r) => r.path === byDate.href)?.ifModifiedSince).toBe(modified);
    // The list page is read afresh every run, without validators.
    expect(again.filter((r) => r.path === '/col/c/index.html')).toEqual([expect.objectContaining({ status: 200, ifNoneMatch: undefined })]);
    expect({ versions: count(h, 'versions'), blobs: count(h, 'blobs'), events: count(h, 'events') }).toEqual(before);
    const checkedAfter = h.db.prepare('SELECT min(last_checked_at) FROM documents').pluck().get() as string;
    expect(checkedAfter > checkedBefore).toBe(true);
  });
});

/** A column of pages linked by 下一页, three items a page. */
function serveColumn(pages: Item[][]): void {
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `<a href="list_${k + 2}.html">下一页</a>` : '';
    site.routes.set(`/col/c/${k === 0 ? 'index.html' : `list_${k + 1}.html`}`, { body: listPage(items, next) });
  });
  serveDocuments(site, pages.flat());
}

const listHits = (from: number) =>
  site.requests
    .slice(from)
    .filter((r) => r.path.startsWith('/col/c/'))
    .map((r) => r.path);

describe('early stop on a long column', () => {
  it('stops paging once a whole page held only known links, but reads everything on the first crawl', async () => {
    site = await startTestSite();
    const old = numberedItems(1, 12);
    serveColumn([old.slice(0, 3), old.slice(3, 6), old.slice(6, 9), old.slice(9, 12)]);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(12);

    // One new document on top: page 1 now shows it and two old ones; page 2 only old ones.
    const fresh = numberedItems(13, 1);
    const shifted = [...fresh, ...old];
    serveColumn([shifted.slice(0, 3), shifted.slice(3, 6), shifted.slice(6, 9), shifted.slice(9, 12), shifted.slice(12)]);
    let mark = site.requests.length;
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(13);
    expect(listHits(mark)).toEqual(['/col/c/index.html', '/col/c/list_2.html']);

    mark = site.requests.length;
    await h.crawl();
    expect(listHits(mark)).toEqual(['/col/c/index.html']);
  });

  it('reads on after a run whose listing was incomplete, even where every link is known', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 9);
    const pages = [items.slice(0, 3), items.slice(3, 6), items.slice(6, 9)];
    serveColumn(pages);
    site.routes.set('/col/c/list_2.html', { status: 503, body: 'busy' });
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(3);

    serveColumn(pages);
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(9);
  });

  it('stops early on a column paged only by numbered links and 尾页, which are never followed all at once', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 12);
    const file = (n: number) => (n === 1 ? 'index.html' : `index_${n}.html`);
    const pager = (current: number) =>
      [1, 2, 3, 4].map((n) => (n === current ? `<b>${n}</b>` : `<a href="${file(n)}">${n}</a>`)).join(' ') + ` <a href="${file(4)}">尾页</a>`;
    for (let n = 1; n <= 4; n++) site.routes.set(`/col/c/${file(n)}`, { body: listPage(items.slice((n - 1) * 3, n * 3), pager(n)) });
    serveDocuments(site, items);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(12);
    const mark = site.requests.length;
    await h.crawl();
    expect(listHits(mark)).toEqual(['/col/c/index.html']);
  });

  it('never stops early when stopAfterKnownListPage is off', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 6);
    serveColumn([items.slice(0, 3), items.slice(3, 6)]);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`], stopAfterKnownListPage: false }] });
    await h.crawl();
    const mark = site.requests.length;
    await h.crawl();
    expect(listHits(mark)).toEqual(['/col/c/index.html', '/col/c/list_2.html']);
  });
});
