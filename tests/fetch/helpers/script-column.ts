import { documentPage, numberedItems, type Item } from '../../crawl/helpers/pages.js';
import type { TestSite } from './servers.js';

/**
 * A column whose list a script builds from a JSON API, as many provincial portals do: the HTML
 * holds no links at all. `/api/list?page=N` answers `{ data: { list: [{ id, url, title, date }] } }`,
 * two items a page for `pages` pages, then an empty list.
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
