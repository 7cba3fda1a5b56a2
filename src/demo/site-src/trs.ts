import { declaredCharset, escapeHtml, trsBodyHtml } from './html.js';
import type { PageCharset, TrsDocument } from './types.js';

/** TRS (拓尔思) pages with the gov.cn disclosure template: detail pages and script-paginated lists. */

const SITE_NAME = '潜江市教育局';
const COLUMN_NAME = '规划计划';

function trsHead(charset: PageCharset, htmlTitle: string, extraMeta: string[], cssHref: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    `<meta http-equiv="Content-Type" content="text/html; charset=${declaredCharset(charset)}">`,
    '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    `<title>${escapeHtml(htmlTitle)}</title>`,
    `<meta name="SiteName" content="${SITE_NAME}">`,
    '<meta name="SiteDomain" content="jyj.qianjiang.example.gov.cn">',
    '<meta name="SiteIDCode" content="4290050000">',
    `<meta name="ColumnName" content="${COLUMN_NAME}">`,
    '<meta name="ColumnType" content="政府信息公开">',
    ...extraMeta,
    `<link rel="stylesheet" type="text/css" href="${cssHref}">`,
    '</head>',
  ].join('\n');
}

/** `up` is the relative prefix from the page's folder to /xxgk/ghjh/ ("" for list pages, "../" for details). */
function trsHeader(up: string): string {
  return `<div class="top"><div class="wrap">${SITE_NAME}　<span class="date" id="today"></span>
<span class="fr"><a href="/index.html">首页</a> | <a href="javascript:;" onclick="SetHome(this)">设为首页</a> | <a href="javascript:;">长者模式</a></span></div></div>
<div class="banner"><div class="wrap"><span class="logo">${SITE_NAME}</span></div></div>
<div class="menu"><ul class="wrap">
<li><a href="/index.html">首页</a></li>
<li><a href="${up}../index.html">政府信息公开</a></li>
<li class="on"><a href="${up}index.html">${COLUMN_NAME}</a></li>
<li><a href="javascript:;">教育动态</a></li>
<li><a href="javascript:;">办事服务</a></li>
</ul></div>
<div class="crumb wrap">当前位置：<a href="/index.html">首页</a> &gt; <a href="${up}../index.html">政府信息公开</a> &gt; <a href="${up}index.html">${COLUMN_NAME}</a></div>`;
}

function trsFooter(): string {
  return `<div class="footer"><div class="wrap">
<p>主办：${SITE_NAME}　承办：${SITE_NAME}办公室　地址：潜江市示例大道1号</p>
<p>网站标识码：4290050000　<a href="https://beian.miit.gov.cn/" target="_blank">鄂ICP备00000000号</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo" target="_blank">鄂公网安备 42900502000000号</a></p>
<p>本站为 bureau-watch 演示用复制站点，内容根据公开文件节选改编，不代表任何机关发布。</p>
</div></div>
</body>
</html>`;
}

const label = (text: string) => `<td width="90" class="label"><b>${text}</b></td>`;

/** The gov.cn `table.bd1`: rows of four cells, the title and keyword rows of two. */
function metaTable(doc: TrsDocument): string {
  const t = doc.table;
  const written = `${label('成文日期：')}<td>${t.writtenDate}</td>`;
  const rows = [
    `<tr>${label('索　引　号：')}<td width="260">${t.indexNo}</td>${label('主题分类：')}<td>${escapeHtml(t.category)}</td></tr>`,
    `<tr>${label('发文机关：')}<td>${t.publisher}</td>${t.writtenDateCommentedOut ? `<!--${written}--><td></td><td></td>` : written}</tr>`,
    `<tr>${label('标　　题：')}<td colspan="3">${escapeHtml(doc.title)}</td></tr>`,
    `<tr>${label('发文字号：')}<td>${t.docNo}</td>${label('发布日期：')}<td>${t.publishedDate}</td></tr>`,
    `<tr>${label('主 题 词：')}<td colspan="3">${t.keywords}</td></tr>`,
  ];
  return `<table width="100%" border="0" cellpadding="0" cellspacing="1" class="bd1">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** TRS marks attachment links inside the editor body with `appendix` and `OLDSRC`. */
function attachmentsHtml(doc: TrsDocument): string {
  return doc.attachments
    .map(
      (a) =>
        `<p style="line-height: 2em;">附件：<a href="${escapeHtml(a.href)}" OLDSRC="/protect${escapeHtml(a.href.slice(1))}" appendix="true">${escapeHtml(a.name)}</a></p>`,
    )
    .join('\n');
}

export function renderTrsDetail(doc: TrsDocument, body: string): string {
  const extraMeta: string[] = [];
  if (doc.headMeta.ArticleTitle) extraMeta.push(`<meta name="ArticleTitle" content="${escapeHtml(doc.headMeta.ArticleTitle)}">`);
  if (doc.headMeta.PubDate) extraMeta.push(`<meta name="PubDate" content="${doc.headMeta.PubDate}">`);
  extraMeta.push(`<meta name="ContentSource" content="${SITE_NAME}">`);
  return `${trsHead(doc.charset, doc.htmlTitle, extraMeta, '../../../css/trs.css')}
<body>
${trsHeader('../')}
<div class="wrap main">
<div class="xxgk-table">
${metaTable(doc)}
</div>
<div class="article">
<div class="pages-title">${escapeHtml(doc.title)}</div>
<div class="pages-date">${doc.postedAt}　<span class="font">来源：${SITE_NAME}</span>　【字体：<a href="javascript:;" onclick="fontSize(18)">大</a> <a href="javascript:;" onclick="fontSize(16)">中</a> <a href="javascript:;" onclick="fontSize(14)">小</a>】</div>
<div class="pages_content" id="UCAP-CONTENT">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
${trsBodyHtml(body)}
${attachmentsHtml(doc)}
</div></div>
</div>
<div class="share">分享到：<a href="javascript:;" class="weixin">微信</a> <a href="javascript:;" class="weibo">微博</a>　【<a href="javascript:window.print();">打印</a>】【<a href="javascript:window.close();">关闭</a>】</div>
<div class="qr">扫一扫在手机上查看当前页面</div>
</div>
</div>
${trsFooter()}`;
}

export const trsListFile = (index: number) => (index === 0 ? 'index.html' : `index_${index}.html`);

/**
 * A list page. Like real TRS templates the pager is written by `createPageHTML(...)`; a plain
 * "下一页/上一页" bar follows, so crawlers that don't read scripts can page too.
 */
export function renderTrsList(index: number, pageCount: number, charset: PageCharset, docs: TrsDocument[]): string {
  // Page 0 links with "./202403/…", later pages with bare "202312/…".
  const href = (d: TrsDocument) => `${index === 0 ? './' : ''}${d.path.replace('/xxgk/ghjh/', '')}`;
  const items = docs.map(
    (d) => `<li><a href="${href(d)}" target="_blank" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a><span>${d.listDate}</span></li>`,
  );
  const plain: string[] = [];
  if (index > 0) plain.push(`<a href="${trsListFile(index - 1)}">上一页</a>`);
  if (index < pageCount - 1) plain.push(`<a href="${trsListFile(index + 1)}">下一页</a>`);
  return `${trsHead(charset, `${COLUMN_NAME}_${SITE_NAME}`, [], '../../css/trs.css')}
<body>
${trsHeader('')}
<div class="wrap main">
<div class="list-title">${COLUMN_NAME}</div>
<ul class="list">
${items.join('\n')}
</ul>
<div class="page">
<script type="text/javascript" src="../../js/createPageHTML.js"></script>
<script type="text/javascript">createPageHTML(${pageCount}, ${index}, "index", "html");</script>
</div>
<div class="page-plain">${plain.join(' ')}</div>
</div>
${trsFooter()}`;
}
