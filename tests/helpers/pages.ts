/**
 * The one set of page builders: pages shaped like the bureau CMSes' own, written for these tests.
 * - `documentPage` / `listPage`: a Hanweb-like column and its documents (crawl tests);
 * - `disclosurePage`: a document with a disclosure metadata table and a marker phrase in every
 *   paragraph, so a test can tell exactly which text was stored (fault tests);
 * - `bureauSite`: a small editable site (column + documents with view counters and sidebars) whose
 *   pages a test changes between crawls (change tests);
 * - `serveScriptColumn`: a column whose list a script builds from a JSON API (browser, listApi tests).
 */
import type { TestSite } from './site.js';

export interface Item {
  href: string;
  title: string;
  date: string;
}

const head = (title: string, extra = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body>`;
const chrome = `<div class="nav"><a href="/index.html">首页</a> <a href="/about/contact.html">联系我们</a></div>`;
const foot = `<div class="footer">主办：某某区教育局 <a href="https://beian.miit.gov.cn/">ICP备案</a></div></body></html>`;

/** A disclosure document page with a body long enough to read as an article. */
export function documentPage(title: string, body = `${title}。`.repeat(30)): string {
  return `${head(`${title}_某某区教育局`, `<meta name="ArticleTitle" content="${title}">`)}${chrome}
<h1>${title}</h1><div class="content"><p>${body}</p></div>${foot}`;
}

export function itemsHtml(items: Item[]): string {
  return `<ul class="list">${items.map((i) => `<li><a href="${i.href}" target="_blank">${i.title}</a><span>${i.date}</span></li>`).join('')}</ul>`;
}

/** A column page: its items, then whatever pager the CMS writes. */
export function listPage(items: Item[], pager = ''): string {
  return `${head('通知公告_某某区教育局')}${chrome}<div class="main">${itemsHtml(items)}<div class="pages">${pager}</div></div>${foot}`;
}

/** TRS: the pager exists only as a script call; there is no plain link to the next page. */
export function trsListPage(items: Item[], count: number, current: number): string {
  const pager = `<script src="/js/createPageHTML.js"></script><script>createPageHTML(${count}, ${current}, "index", "html");</script>`;
  return listPage(items, pager);
}

/** Hanweb: the first records inside the datastore, the rest behind the jpage proxy. */
export function hanwebColumnPage(items: Item[], options: { columnid: number; unitid: number; totalRecord: number; perPage: number }): string {
  const { columnid, unitid, totalRecord, perPage } = options;
  const nextGroup = `/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=9&path=/&columnid=${columnid}&unitid=${unitid}&webname=%25E6%259F%2590&permissiontype=0`;
  return `${head('政策文件_某某区人民政府')}${chrome}<div id="${unitid}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${nextGroup}"></a>]]></nextgroup>
<recordset>${records(items)}</recordset></datastore></script></div>
<script language="javascript">$('#${unitid}').jpage({dataStore: dataStore, perPage: ${perPage}, totalRecord: ${totalRecord}, proxyUrl: '/module/web/jpage/dataproxy.jsp', groupSize: 3});</script>${foot}`;
}

/** What the jpage proxy answers: one range of records. */
export function datastoreXml(items: Item[], totalRecord: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>${totalRecord}</totalrecord><recordset>${records(items)}</recordset></datastore>`;
}

function records(items: Item[]): string {
  return items
    .map((i) => `<record><![CDATA[<li><a href='${i.href}' title='${i.title}' target="_blank">${i.title}</a><span>${i.date}</span></li>]]></record>`)
    .join('\n');
}

/** `count` items numbered from `from`, each linking to `/art/2024/1/<n>/art_1_<n>.html`-style paths. */
export function numberedItems(from: number, count: number, path = (n: number) => `/art/2024/1/${(n % 28) + 1}/art_1_${n}.html`): Item[] {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    return { href: path(n), title: `关于第${n}项工作的通知`, date: `2024-01-${String((n % 28) + 1).padStart(2, '0')}` };
  });
}

/** Items for plain links, titled and dated like a real column's. */
export function linkItems(hrefs: string[]): Item[] {
  return hrefs.map((href, i) => ({ href, title: `关于做好第${i + 1}项工作的通知`, date: `2024-03-0${(i % 9) + 1}` }));
}

/** A document page with a disclosure metadata table, each of its paragraphs carrying `marker`. */
export function disclosurePage(title: string, marker: string, extra = ''): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) => `<p>${marker}第${i + 1}段：各学校要认真贯彻落实有关工作要求，切实加强组织领导，确保各项任务按时保质完成，主动接受社会监督。</p>`,
  ).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>
<meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2024-03-08"></head>
<body><div class="nav"><a href="/">首页</a></div>
<table class="xxgk"><tr><th>发布机构：</th><td>某某区教育局</td><th>公开日期：</th><td>2024-03-08</td></tr></table>
<h1>${title}</h1>
<div class="article"><div id="zoom">
${paragraphs}
</div></div>${extra}
</body></html>`;
}

/** Document paths shaped like a Hanweb CMS's, so the classifier knows them as documents. */
export function docPath(n: number): string {
  return `/art/2024/3/8/art_1001_${n}.html`;
}

/** One document of an editable bureau site: what a reader sees, and the chrome around it. */
export interface BureauPage {
  title: string;
  paragraphs: string[];
  published: string;
  views: number;
  sidebar: string[];
  /** Set to answer 404 instead. */
  gone?: boolean;
}

export interface BureauSite {
  listUrl: string;
  /** The documents by path; edit them in place between crawls. */
  pages: ReadonlyMap<string, BureauPage>;
  /** Publishes a document at `path` (listed on the column page until it is gone). */
  put(path: string, page: BureauPage): void;
  urlOf(path: string): string;
}

const BUREAU_LIST = '/col/col100/index.html';

/**
 * Serves on `site` a small disclosure site whose pages the test edits between crawls: a column page
 * linking every live document, and document pages with a plain structure (body in `div.TRS_Editor`,
 * chrome in nav/aside/footer, a view counter in the info line), so the outcome does not hang on
 * fine points of extraction.
 */
export function bureauSite(site: TestSite): BureauSite {
  const pages = new Map<string, BureauPage>();
  site.routes.set(BUREAU_LIST, () => ({ body: bureauListPage(pages) }));
  const put = (path: string, page: BureauPage): void => {
    pages.set(path, page);
    site.routes.set(path, () => {
      const current = pages.get(path)!;
      return current.gone ? { status: 404, body: '<html><body><h1>404 页面不存在</h1></body></html>' } : { body: bureauDocumentPage(current) };
    });
  };
  return { listUrl: `${site.baseUrl}${BUREAU_LIST}`, pages, put, urlOf: (path) => `${site.baseUrl}${path}` };
}

const BUREAU_NAV = `<nav><a href="${BUREAU_LIST}">首页</a> | <a href="${BUREAU_LIST}">政府信息公开</a></nav>`;

function bureauListPage(pages: Map<string, BureauPage>): string {
  const items = [...pages]
    .filter(([, page]) => !page.gone)
    .map(([path, page]) => `<li><a href="${path}">${page.title}</a><span>${page.published}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划计划_教育局</title></head><body>
${BUREAU_NAV}<div class="list"><ul>
${items}
</ul></div><footer>主办单位：示例市教育局 版权所有</footer></body></html>`;
}

function bureauDocumentPage(page: BureauPage): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${page.title}</title>
<meta name="ArticleTitle" content="${page.title}"><meta name="PubDate" content="${page.published} 09:00"></head><body>
${BUREAU_NAV}
<div class="article">
<h1>${page.title}</h1>
<div class="info">发布时间：${page.published} 浏览次数：${page.views}</div>
<div class="TRS_Editor">
${page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</div>
</div>
<aside><h3>最新文章</h3><ul>${page.sidebar.map((item) => `<li><a href="${BUREAU_LIST}">${item}</a></li>`).join('')}</ul></aside>
<footer>主办单位：示例市教育局 今天是${page.published} 访问量：${page.views * 7}</footer>
</body></html>`;
}

/**
 * A column whose list a script builds from a JSON API, as many provincial portals do: the HTML
 * holds no links at all. `/api/list?page=N` answers `{ data: { list: [{ id, url, title, date }] } }`.
 */
export const SCRIPT_COLUMN = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>
<div class="nav">首页 &gt; 信息公开</div><ul id="list"></ul>
<script>
fetch('/api/list?page=1').then((r) => r.json()).then((answer) => {
  const list = document.getElementById('list');
  for (const item of answer.data.list) {
    const li = document.createElement('li');
    li.innerHTML = '<a href="' + item.url + '">' + item.title + '</a><span>' + item.date + '</span>';
    list.appendChild(li);
  }
});
</script></body></html>`;

/**
 * Serves SCRIPT_COLUMN at /col/index.html, its API (two items a page for `pages` pages, then an empty
 * list) and its documents; returns the documents' URLs, sorted.
 */
export function serveScriptColumn(site: TestSite, pages = 2): string[] {
  const items = numberedItems(1, pages * 2);
  site.routes.set('/col/index.html', { body: SCRIPT_COLUMN });
  site.routes.set('/api/list', (_request, url) => {
    const page = Number(url.searchParams.get('page'));
    const slice: Item[] = page >= 1 && page <= pages ? items.slice((page - 1) * 2, page * 2) : [];
    const list = slice.map((item, index) => ({ id: (page - 1) * 2 + index + 1, url: item.href, title: item.title, date: item.date }));
    return { body: JSON.stringify({ code: 0, data: { list } }), headers: { 'content-type': 'application/json; charset=utf-8' } };
  });
  for (const item of items) site.routes.set(item.href, { body: documentPage(item.title) });
  return items.map((item) => site.baseUrl + item.href).sort();
}

/** A disclosure record whose metadata fields and chrome a test changes between crawls. */
export interface RecordPage {
  title: string;
  /** 效力状况 @default '有效' */
  validity?: string;
  /** 文号 @default '某司发〔2024〕3号' */
  docNo?: string;
  /** The view counter of the byline and the footer's "today". @default 125 */
  views?: number;
  /** @default three sentences of a regulation */
  paragraphs?: string[];
  /** A byline as the first paragraph of the body (`来源：… 发布日期：… 浏览次数：…`). @default false */
  bylineInBody?: boolean;
}

export const RECORD_PARAGRAPHS = [
  '各区县司法局要认真贯彻落实有关工作要求，切实加强组织领导，确保各项任务按时保质完成。',
  '本规定自发布之日起施行，由市司法局负责解释，有关单位应当遵照执行并及时报告情况。',
  '各单位在执行中遇到的问题，请及时向市司法局法治调研处反映，联系电话见本局网站公告。',
];

/** The byline `recordPage` puts first in the body when asked: an older extractor kept it as text. */
export function recordByline(views = 125): string {
  return `来源：某某市司法局　发布日期：2024-03-05　浏览次数：${views}`;
}

/**
 * A disclosure record in the gov.cn table layout (索引号, 发布机构, 文号, 成文日期, 公开日期, 效力状况),
 * body in `#zoom`, a view counter and a "today is" clock in the chrome.
 */
export function recordPage(page: RecordPage): string {
  const views = page.views ?? 125;
  const byline = page.bylineInBody ? `<p>${recordByline(views)}</p>\n` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${page.title}_某某市人民政府</title>
<meta name="ArticleTitle" content="${page.title}"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">政府信息公开</a></div>
<table class="xxgk">
<tr><th>索引号：</th><td>11330100MB0000000X/2024-00012</td><th>发布机构：</th><td>某某市司法局</td></tr>
<tr><th>文号：</th><td>${page.docNo ?? '某司发〔2024〕3号'}</td><th>成文日期：</th><td>2024-03-01</td></tr>
<tr><th>公开日期：</th><td>2024-03-05</td><th>效力状况：</th><td>${page.validity ?? '有效'}</td></tr>
</table>
<h1>${page.title}</h1>
<div class="info">字体：[大 中 小]　浏览次数：${views}</div>
<div id="zoom">${byline}${(page.paragraphs ?? RECORD_PARAGRAPHS).map((p) => `<p>${p}</p>`).join('\n')}
</div>
<div class="footer">主办单位：某某市人民政府 今天是2024年3月${(views % 28) + 1}日 版权所有</div>
</body></html>`;
}
