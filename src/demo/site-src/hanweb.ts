import { posix } from 'node:path';
import { escapeHtml, hanwebBodyHtml } from './html.js';
import { HANWEB_COLUMN_NAME, hanwebBreadcrumb, hanwebCatalogueTree, hanwebFooter, hanwebHead, hanwebHeader } from './hanweb-chrome.js';
import type { HanwebDocument, MetaEntry, PageCharset } from './types.js';

/** Hanweb (大汉) detail and list pages. */

/** The "信息公开目录" metadata block, in the markup the document asks for. */
function metaBlock(doc: HanwebDocument): string {
  const { meta } = doc;
  switch (doc.metaLayout) {
    case 'li-span':
      return `<ul class="xxgk_info">\n${meta.map((m) => `<li><span>${m.label}：</span>${m.value}</li>`).join('\n')}\n</ul>`;
    case 'li-font':
      return `<ul class="xxgk_info">\n${meta.map((m) => `<li>${m.label}：<font>${m.value}</font></li>`).join('\n')}\n</ul>`;
    case 'div-span':
      return `<div class="xxgk_table">\n${meta
        .map((m) => `<div class="item"><span class="name">${m.label}：</span><span class="value">${m.value}</span></div>`)
        .join('\n')}\n</div>`;
    case 'table-th':
      return metaTable(meta);
  }
}

/** Three label/value pairs a row, the last row padded with a wide empty cell. */
function metaTable(meta: MetaEntry[]): string {
  const rows: string[] = [];
  for (let i = 0; i < meta.length; i += 3) {
    const cells = meta.slice(i, i + 3).map((m) => `<th>${m.label}</th><td>${m.value}</td>`);
    const missing = 3 - cells.length;
    if (missing > 0) cells.push(`<td colspan="${missing * 2}">&nbsp;</td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table class="xxgk_table" cellspacing="0" cellpadding="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function headMetaTags(doc: HanwebDocument): string[] {
  const tags: string[] = [];
  if (doc.headMeta.ArticleTitle) tags.push(`<meta name="ArticleTitle" content="${escapeHtml(doc.headMeta.ArticleTitle)}">`);
  if (doc.headMeta.PubDate) tags.push(`<meta name="PubDate" content="${doc.headMeta.PubDate}">`);
  tags.push('<meta name="ContentSource" content="滨湖区教育局">');
  return tags;
}

function attachmentsHtml(doc: HanwebDocument): string {
  if (doc.attachments.length === 0) return '';
  const items = doc.attachments.map(
    (a, i) => `<p>${i === 0 ? '附件：' : '　　　'}<a href="${escapeHtml(a.href)}" target="_blank">${escapeHtml(a.name)}</a></p>`,
  );
  return `\n${items.join('\n')}`;
}

function relativeLink(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** `column` is the column in list order (newest first); it feeds 上一篇/下一篇 and the 热点新闻 box. */
export function renderHanwebDetail(doc: HanwebDocument, body: string, column: HanwebDocument[]): string {
  const at = column.indexOf(doc);
  const newer = column[at - 1];
  const older = column[at + 1];
  const link = (d: HanwebDocument | undefined) => (d ? `<a href="${relativeLink(doc.path, d.path)}">${escapeHtml(d.title)}</a>` : '没有了');
  const hot = column
    .filter((d) => d !== doc)
    .slice(0, 5)
    .map((d) => `<li><a href="${d.path}" target="_blank" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a></li>`);
  return `${hanwebHead({ charset: doc.charset, htmlTitle: doc.htmlTitle, extraMeta: headMetaTags(doc) })}
<body>
${hanwebHeader()}
<div class="main w1200">
${hanwebBreadcrumb()}
<div class="left">
<div class="xxgk_head">政府信息公开目录</div>
${metaBlock(doc)}
<div class="article">
<h1 class="art_title">${escapeHtml(doc.title)}</h1>
<div class="art_info">发布时间：${doc.postedAt}　浏览次数：<span id="viewcount">${doc.views}</span>　字体：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div id="zoom" class="art_content">
<!--ZJEG_RSS.content.begin-->
${hanwebBodyHtml(body)}${attachmentsHtml(doc)}
<!--ZJEG_RSS.content.end-->
</div>
<div class="tools">分享到：<a href="javascript:void(0)" onclick="share('weixin')">微信</a> <a href="javascript:void(0)" onclick="share('weibo')">微博</a>　【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="prevnext"><p>上一篇：${link(newer)}</p><p>下一篇：${link(older)}</p></div>
</div>
</div>
<div class="right">
<div class="hot"><h3>热点新闻</h3><ul>
${hot.join('\n')}
</ul></div>
</div>
</div>
${hanwebFooter()}`;
}

export interface HanwebListPage {
  /** 1-based page number. */
  page: number;
  charset: PageCharset;
  docs: HanwebDocument[];
}

export const hanwebListFile = (page: number) => (page === 1 ? 'index.html' : `list_${page}.html`);

/** Pagination bar: 首页/上一页/下一页/尾页 plus numbered links, as relative hrefs of mixed styles. */
function pager(page: number, pages: number, total: number, perPage: number): string {
  const parts = [`共${total}条　每页${perPage}条　当前${page}/${pages}页　`];
  parts.push(page > 1 ? `<a href="./index.html">首页</a>` : '<span>首页</span>');
  parts.push(page > 1 ? `<a href="${hanwebListFile(page - 1)}">上一页</a>` : '<span>上一页</span>');
  parts.push(page < pages ? `<a href="./${hanwebListFile(page + 1)}">下一页</a>` : '<span>下一页</span>');
  parts.push(page < pages ? `<a href="${hanwebListFile(pages)}">尾页</a>` : '<span>尾页</span>');
  for (let n = 1; n <= pages; n++) {
    parts.push(n === page ? `<b>${n}</b>` : `<a href="${hanwebListFile(n)}">${n}</a>`);
  }
  return `<div class="pages">${parts.join(' ')}</div>`;
}

/** List page; page 2 links documents with `../../art/…`, the others with absolute paths. */
export function renderHanwebList(list: HanwebListPage, pages: number, total: number, perPage: number): string {
  const href = (d: HanwebDocument) => (list.page === 2 ? `../..${d.path}` : d.path);
  const items = list.docs.map(
    (d) => `<li><a href="${href(d)}" target="_blank" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a><span class="date">${d.listDate}</span></li>`,
  );
  return `${hanwebHead({ charset: list.charset, htmlTitle: `${HANWEB_COLUMN_NAME}_无锡市滨湖区人民政府` })}
<body>
${hanwebHeader()}
<div class="main w1200">
${hanwebBreadcrumb()}
<div class="side">
${hanwebCatalogueTree()}
</div>
<div class="content">
<div class="list_title">${HANWEB_COLUMN_NAME}</div>
<ul class="list">
${items.join('\n')}
</ul>
${pager(list.page, pages, total, perPage)}
</div>
</div>
${hanwebFooter()}`;
}
