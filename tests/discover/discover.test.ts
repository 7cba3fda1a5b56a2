import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/discover/canonical-url.js';
import { classifyPage, looksLikeSoft404 } from '../../src/discover/classify.js';
import { firstProxyRequest, nextProxyRequest, parseDatastore, parseJpageOptions } from '../../src/discover/hanweb-datastore.js';
import { discoverListPage } from '../../src/discover/list-page.js';
import { isNextText, nextPageUrls, trsNextPage } from '../../src/discover/pagination.js';
import { SourceScope } from '../../src/discover/scope.js';
import { documentPage, hanwebColumnPage, listPage, numberedItems } from '../helpers/pages.js';

const BASE = 'http://www.example.gov.cn';

describe('canonicalUrl', () => {
  it('gives one spelling per page', () => {
    expect(canonicalUrl('../../art/./2024/a.html#top', `${BASE}/col/col1/index.html`)).toBe(`${BASE}/art/2024/a.html`);
    expect(canonicalUrl('HTTP://WWW.Example.GOV.cn:80/a.html')).toBe(`${BASE}/a.html`);
    expect(canonicalUrl('https://www.example.gov.cn:443/a.html')).toBe('https://www.example.gov.cn/a.html');
    expect(canonicalUrl('/art/a.html;jsessionid=0A1B2C3D?x=1', BASE)).toBe(`${BASE}/art/a.html?x=1`);
    expect(canonicalUrl('/art/a.html;JSESSIONID=0A1B2C3D', BASE)).toBe(`${BASE}/art/a.html`);
    expect(canonicalUrl('/list.jsp?page=2&jsessionid=abc', BASE)).toBe(`${BASE}/list.jsp?page=2`);
    expect(canonicalUrl('/a.html?', BASE)).toBe(`${BASE}/a.html`);
    expect(canonicalUrl('  /a.html\n', BASE)).toBe(`${BASE}/a.html`);
  });

  it('keeps the query as written when there is no session to drop', () => {
    expect(canonicalUrl('/dataproxy.jsp?path=/&webname=%25E6%259F%2590', BASE)).toBe(`${BASE}/dataproxy.jsp?path=/&webname=%25E6%259F%2590`);
  });

  it('rejects what is not a page address', () => {
    for (const href of ['javascript:void(0)', 'mailto:a@b.cn', 'tel:123', '#', '', 'ftp://x/y', 'data:text/html,x']) {
      expect(canonicalUrl(href, BASE), href).toBe(href === '#' ? `${BASE}/` : null);
    }
  });
});

describe('pagination', () => {
  const anchors = (hrefs: [string, string][], page: string) => hrefs.map(([href, text]) => ({ url: new URL(href, page).toString(), text, markedNext: false }));

  it('recognizes next-page words, Simplified and Traditional, and nothing else', () => {
    for (const text of ['下一页', '下一頁', '[下一页]', '下页 >', 'Next', '>', ' 下一页» ']) expect(isNextText(text), text).toBe(true);
    for (const text of ['上一页', '尾页', '下一篇', '2', '>>', '首页']) expect(isNextText(text), text).toBe(false);
  });

  it('takes the page after this one from numbered links when there is no next link', () => {
    const page = `${BASE}/col/c/list_2.html`;
    const links = anchors(
      [
        ['index.html', '1'],
        ['list_3.html', '3'],
        ['list_4.html', '4'],
        ['list_9.html', '尾页'],
        ['/art/2024/1/1/art_1_7.html', '标题'],
      ],
      page,
    );
    expect(nextPageUrls(links, page)).toEqual([`${BASE}/col/c/list_3.html`]);
    const first = `${BASE}/news/index.html`;
    expect(
      nextPageUrls(
        anchors(
          [
            ['index_2.html', '2'],
            ['index_3.html', '3'],
          ],
          first,
        ),
        first,
      ),
    ).toEqual([`${BASE}/news/index_2.html`]);
    const query = `${BASE}/list.jsp?page=3`;
    expect(
      nextPageUrls(
        anchors(
          [
            ['list.jsp?page=2', '2'],
            ['list.jsp?page=4', '4'],
            ['list.jsp?page=5', '5'],
          ],
          query,
        ),
        query,
      ),
    ).toEqual([`${BASE}/list.jsp?page=4`]);
  });

  it('prefers the link the page calls next, ignoring a javascript pager', () => {
    const page = `${BASE}/col/c/index.html`;
    const links = [
      ...anchors(
        [
          ['list_2.html', '2'],
          ['list_5.html', '下一页'],
        ],
        page,
      ),
    ];
    expect(nextPageUrls(links, page)).toEqual([`${BASE}/col/c/list_5.html`]);
  });

  it('reads TRS createPageHTML calls, literal or through variables, and stops at the last page', () => {
    const page = `${BASE}/xxgk/ghjh/index_1.html`;
    expect(trsNextPage('createPageHTML(5, 1, "index", "html");', page)).toBe(`${BASE}/xxgk/ghjh/index_2.html`);
    expect(trsNextPage('var countPage = 3; var currentPage = 0; createPageHTML(countPage, currentPage, "index", "shtml");', page)).toBe(
      `${BASE}/xxgk/ghjh/index_1.shtml`,
    );
    expect(trsNextPage("createPageHTML('page_div', 4, 2, 'index', 'htm', 60);", page)).toBe(`${BASE}/xxgk/ghjh/index_3.htm`);
    expect(trsNextPage('createPageHTML(3, 2, "index", "html");', page)).toBeNull();
    expect(trsNextPage('function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}', page)).toBeNull();
  });
});

describe('Hanweb datastore and jpage proxy', () => {
  const items = numberedItems(1, 6);
  const html = hanwebColumnPage(items, { columnid: 1001, unitid: 5001, totalRecord: 40, perPage: 2 });

  it('reads the records and builds the first proxy range from <nextgroup> and the jpage options', () => {
    const store = parseDatastore(html)!;
    expect(store.recordHrefs).toEqual(items.map((i) => i.href));
    expect(store.recordCount).toBe(6);
    const jpage = parseJpageOptions(html);
    expect(jpage).toMatchObject({ totalRecord: 40, perPage: 2, proxyUrl: '/module/web/jpage/dataproxy.jsp' });
    const first = firstProxyRequest(`${BASE}/col/col1001/index.html`, store, jpage)!;
    const url = new URL(first.url);
    expect(url.pathname).toBe('/module/web/jpage/dataproxy.jsp');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startrecord: '7',
      endrecord: '12',
      perpage: '2',
      appid: '1',
      webid: '9',
      path: '/',
      columnid: '1001',
      unitid: '5001',
      webname: '%E6%9F%90',
      permissiontype: '0',
    });
    expect(first.total).toBe(40);
  });

  it('asks for the next range until an answer comes short or the total is reached', () => {
    const proxy = `${BASE}/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=2&columnid=1`;
    expect(nextProxyRequest(proxy, { recordCount: 6, totalRecord: null }, 40)?.url).toBe(
      `${BASE}/module/web/jpage/dataproxy.jsp?startrecord=13&endrecord=18&perpage=2&columnid=1`,
    );
    expect(nextProxyRequest(proxy, { recordCount: 4, totalRecord: null }, null)).toBeNull();
    expect(nextProxyRequest(proxy, { recordCount: 6, totalRecord: 12 }, null)).toBeNull();
  });

  it('needs no proxy when the page carries every record', () => {
    const store = parseDatastore(html)!;
    expect(firstProxyRequest(`${BASE}/col/col1001/index.html`, store, { ...parseJpageOptions(html), totalRecord: 6 })).toBeNull();
  });
});

describe('list pages and page kinds', () => {
  it('tells items, sub-lists and the next page apart, and pager pages never become sub-lists', () => {
    const page = `${BASE}/xxgk/index.html`;
    const body = listPage(numberedItems(1, 2), '<a href="index_2.html">2</a> <a href="index_3.html">3</a> <a href="index_2.html">下一页</a>').replace(
      '<div class="main">',
      '<div class="main"><a href="ghjh/index.html">规划计划</a><ul><li><a href="notice/detail.html">通知</a> <span>2024-05-06</span></li></ul>',
    );
    const found = discoverListPage(cheerio.load(body), page);
    expect(found.items.sort()).toEqual([`${BASE}/art/2024/1/2/art_1_1.html`, `${BASE}/art/2024/1/3/art_1_2.html`, `${BASE}/xxgk/notice/detail.html`]);
    expect(found.next.map((n) => n.url)).toEqual([`${BASE}/xxgk/index_2.html`]);
    expect(found.lists).toContain(`${BASE}/xxgk/ghjh/index.html`);
    expect(found.lists).not.toContain(`${BASE}/xxgk/index_3.html`);
    expect(found.kind).toBe('list');
  });

  it('classifies documents, lists and soft 404 pages', () => {
    expect(classifyPage(cheerio.load(documentPage('通知')), `${BASE}/a/b.html`)).toBe('document');
    expect(classifyPage(cheerio.load(listPage(numberedItems(1, 3))), `${BASE}/col/col1/index.html`)).toBe('list');
    expect(classifyPage(cheerio.load('<p>短通知</p>'), `${BASE}/notice/12.html`, 'document')).toBe('document');
    expect(classifyPage(cheerio.load('<p>短通知</p>'), `${BASE}/notice/12.html`)).toBe('list');
    expect(looksLikeSoft404('404 页面不存在', '您访问的页面不存在或已被删除。')).toBe(true);
    expect(looksLikeSoft404('关于第404号建议的答复', '答复正文'.repeat(80))).toBe(false);
  });
});

describe('SourceScope', () => {
  const scope = new SourceScope({ startUrls: [`${BASE}/col/col1001/index.html`], include: [], exclude: ['/private/'] });

  it("keeps to the start hosts, skips attachments and exclude, and reads sub-lists only in the column's folder", () => {
    expect(scope.allowsDocument(`${BASE}/art/2024/1/1/art_1_1.html`)).toBe(true);
    expect(scope.allowsDocument('http://other.gov.cn/art/2024/1/1/art_1_1.html')).toBe(false);
    expect(scope.allowsDocument(`${BASE}/private/a.html`)).toBe(false);
    expect(scope.allowsDocument(`${BASE}/module/download/downfile.jsp?filename=a.pdf`)).toBe(false);
    expect(scope.allowsDocument(`${BASE}/files/a.pdf`)).toBe(false);
    expect(scope.allowsSubList(`${BASE}/col/col1001/sub/index.html`)).toBe(true);
    expect(scope.allowsSubList(`${BASE}/col/col1002/index.html`)).toBe(false);
    expect(scope.allowsPagination(`${BASE}/module/web/jpage/dataproxy.jsp?startrecord=1`)).toBe(true);
  });

  it('lets include open another host and narrow what is followed, but not the pagination', () => {
    const narrowed = new SourceScope({
      startUrls: [`${BASE}/col/col1/index.html`],
      include: ['^https?://zwgk\\.example\\.gov\\.cn/', '/art/', '/col/'],
      exclude: [],
    });
    expect(narrowed.allowsDocument('http://zwgk.example.gov.cn/art/2024/1/1/x.html')).toBe(true);
    expect(narrowed.allowsDocument('http://other.example.gov.cn/art/2024/1/1/x.html')).toBe(false);
    expect(narrowed.allowsSubList(`${BASE}/col/col2/index.html`)).toBe(true);
    expect(narrowed.allowsDocument(`${BASE}/news/x.html`)).toBe(false);
    expect(narrowed.allowsPagination(`${BASE}/module/web/jpage/dataproxy.jsp?startrecord=46`)).toBe(true);
  });
});
