/** Pages shaped like the bureau CMSes' own, written for these tests. */

export interface Item {
  href: string;
  title: string;
  date: string;
}

const head = (title: string, extra = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body>`;
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
