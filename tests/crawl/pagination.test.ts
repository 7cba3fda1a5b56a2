import { afterEach, describe, expect, it } from 'vitest';
import { crawlHarness, serveDocuments, storedUrls } from '../helpers/crawl.js';
import { datastoreXml, hanwebColumnPage, listPage, numberedItems, trsListPage } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let sites: TestSite[] = [];
afterEach(async () => {
  await Promise.all(sites.map((site) => site.close()));
  sites = [];
});
async function site(): Promise<TestSite> {
  const started = await startTestSite();
  sites.push(started);
  return started;
}

const urlsOf = (base: string, items: { href: string }[]) => items.map((item) => new URL(item.href, base).toString()).sort();

describe('discovery from a column URL alone', () => {
  it('follows 下一页 / 下一頁 links page by page and stores only the documents', async () => {
    const s = await site();
    const pages = [numberedItems(1, 5), numberedItems(6, 5), numberedItems(11, 2)];
    s.routes.set('/col/notice/index.html', { body: listPage(pages[0]!, '<span>首页</span> <a href="list_2.html">下一页</a> <a href="list_3.html">尾页</a>') });
    s.routes.set('/col/notice/list_2.html', { body: listPage(pages[1]!, '<a href="index.html">首页</a> <a href="./list_3.html">下一頁</a>') });
    s.routes.set('/col/notice/list_3.html', { body: listPage(pages[2]!, '<a href="list_2.html">上一页</a> <span>下一页</span>') });
    serveDocuments(s, pages.flat());
    const h = crawlHarness({ sources: [{ id: 'plain', startUrls: [`${s.baseUrl}/col/notice/index.html`] }] });

    const { summary } = await h.crawl();

    expect(storedUrls(h.db)).toEqual(urlsOf(s.baseUrl, pages.flat()));
    expect(summary.sources.plain).toMatchObject({ created: 12, errors: 0 });
    // Navigation outside the column's folder is neither fetched nor stored.
    expect(s.hits('/index.html')).toHaveLength(0);
    expect(s.hits('/about/contact.html')).toHaveLength(0);
    expect(s.hits('/col/notice/list_3.html')).toHaveLength(1);
  });

  it('follows a pager of numbered links only (index_2.html …), one page after the other', async () => {
    const s = await site();
    const pages = [numberedItems(1, 3), numberedItems(4, 3), numberedItems(7, 3), numberedItems(10, 1)];
    const file = (n: number) => (n === 1 ? 'index.html' : `index_${n}.html`);
    const pager = (current: number) =>
      [1, 2, 3, 4].map((n) => (n === current ? `<b>${n}</b>` : `<a href="${file(n)}">${n}</a>`)).join(' ') + ` <a href="${file(4)}">尾页</a>`;
    pages.forEach((items, k) => s.routes.set(`/news/${file(k + 1)}`, { body: listPage(items, pager(k + 1)) }));
    serveDocuments(s, pages.flat());
    const h = crawlHarness({ sources: [{ id: 'numbered', startUrls: [`${s.baseUrl}/news/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(urlsOf(s.baseUrl, pages.flat()));
    for (const n of [1, 2, 3, 4]) expect(s.hits(`/news/${file(n)}`), file(n)).toHaveLength(1);
  });

  it('reads TRS pages written only by createPageHTML(count, current, "index", "html")', async () => {
    const s = await site();
    const doc = (n: number) => `./2024${String((n % 12) + 1).padStart(2, '0')}/t20240101_${n}.html`;
    const pages = [numberedItems(1, 4, doc), numberedItems(5, 4, doc), numberedItems(9, 2, doc)];
    pages.forEach((items, k) => s.routes.set(`/xxgk/ghjh/${k === 0 ? 'index.html' : `index_${k}.html`}`, { body: trsListPage(items, 3, k) }));
    const absolute = pages.flat().map((item) => ({ ...item, href: new URL(item.href, `${s.baseUrl}/xxgk/ghjh/`).pathname }));
    serveDocuments(s, absolute);
    const h = crawlHarness({ sources: [{ id: 'trs', startUrls: [`${s.baseUrl}/xxgk/ghjh/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(urlsOf(s.baseUrl, absolute));
    expect(s.hits('/xxgk/ghjh/index_2.html')).toHaveLength(1);
    expect(s.hits('/xxgk/ghjh/index_3.html')).toHaveLength(0);
  });

  it("reads Hanweb datastore records and pages through jpage/dataproxy.jsp with the column's parameters", async () => {
    const s = await site();
    const other = await site();
    const all = numberedItems(1, 14);
    all[3] = { ...all[3]!, href: `${other.baseUrl}/art/2024/1/1/art_9_4.html` }; // a record on another host
    const perPage = 2;
    s.routes.set('/col/col1001/index.html', { body: hanwebColumnPage(all.slice(0, 6), { columnid: 1001, unitid: 5001, totalRecord: 14, perPage }) });
    s.routes.set('/module/web/jpage/dataproxy.jsp', (_req, url) => {
      const q = url.searchParams;
      if (q.get('columnid') !== '1001' || q.get('unitid') !== '5001' || q.get('perpage') !== '2') return { status: 400, body: 'bad parameters' };
      const start = Number(q.get('startrecord'));
      const end = Number(q.get('endrecord'));
      return { body: datastoreXml(all.slice(start - 1, end), 14), contentType: 'text/xml;charset=UTF-8' };
    });
    serveDocuments(s, all);
    serveDocuments(other, [all[3]]);
    const h = crawlHarness({ sources: [{ id: 'hanweb', startUrls: [`${s.baseUrl}/col/col1001/index.html`] }] });

    const { summary } = await h.crawl();

    const onSite = all.filter((item) => !item.href.startsWith('http'));
    expect(storedUrls(h.db)).toEqual(urlsOf(s.baseUrl, onSite));
    expect(summary.sources.hanweb).toMatchObject({ created: 13, errors: 0 });
    const proxied = s.requests.filter((r) => r.path.startsWith('/module/web/jpage/dataproxy.jsp')).map((r) => new URL(r.path, s.baseUrl).searchParams);
    expect(proxied.map((q) => [q.get('startrecord'), q.get('endrecord')])).toEqual([
      ['7', '12'],
      ['13', '18'],
    ]);
    expect(other.requests.filter((r) => r.path !== '/robots.txt')).toHaveLength(0);
  });

  it('stays on the start hosts unless include opens another, and never follows exclude', async () => {
    const s = await site();
    const other = await site();
    const items = [
      ...numberedItems(1, 2),
      { href: `${other.baseUrl}/art/2024/2/2/art_2_2.html`, title: '外站文件', date: '2024-02-02' },
      { href: '/art/2024/3/3/art_private_3.html', title: '内部', date: '2024-03-03' },
    ];
    s.routes.set('/col/c/index.html', { body: listPage(items) });
    serveDocuments(
      s,
      items.filter((i) => !i.href.startsWith('http')),
    );
    serveDocuments(other, [{ ...items[2]!, href: '/art/2024/2/2/art_2_2.html' }]);
    const include = [`^${other.baseUrl.replace(/[.]/g, '\\.')}/`, '/art/'];
    const h = crawlHarness({ sources: [{ id: 'scoped', startUrls: [`${s.baseUrl}/col/c/index.html`], include, exclude: ['private'] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual([...urlsOf(s.baseUrl, items.slice(0, 2)), `${other.baseUrl}/art/2024/2/2/art_2_2.html`].sort());
    expect(s.hits('/art/2024/3/3/art_private_3.html')).toHaveLength(0);
  });
});
