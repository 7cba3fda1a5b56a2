/**
 * HTML of the benchmark site's pages, shaped like a Hanweb disclosure site: header navigation,
 * breadcrumb, sidebar, a metadata table on document pages, paginated column lists, footer links to
 * the other hosts, inline scripts. Pages declare their charset in `<meta>` only.
 */
import { paragraph, title as documentTitle } from './text.js';

export interface HostLayout {
  /** `http://127.0.0.2:PORT` */
  baseUrl: string;
  name: string;
  charset: 'utf-8' | 'gbk';
  columns: ColumnLayout[];
  /** Other hosts' home pages: off-source links every real site has in its footer. */
  neighbours: string[];
}

export interface ColumnLayout {
  id: number;
  name: string;
  documents: DocumentLayout[];
}

export interface DocumentLayout {
  path: string;
  title: string;
  date: string;
  serial: number;
  seed: number;
}

export const PER_LIST_PAGE = 20;

export function columnPagePath(column: number, page: number): string {
  return page === 1 ? `/col/col${column}/index.html` : `/col/col${column}/list_${page}.html`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function head(host: HostLayout, htmlTitle: string, extraMeta = ''): string {
  const charset = host.charset === 'gbk' ? 'gb2312' : 'utf-8';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="SiteName" content="${escapeHtml(host.name)}" />
${extraMeta}<title>${escapeHtml(htmlTitle)}</title>
<link rel="stylesheet" type="text/css" href="/css/style.css" />
<script type="text/javascript">
var _hmt = _hmt || [];
(function () { var unitid = '${host.columns[0]?.id ?? 0}'; var webid = '1'; var today = new Date();
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  window.siteClock = function () { var el = document.getElementById('clock'); if (el) el.innerHTML = today.getFullYear() + '年' + pad(today.getMonth() + 1) + '月' + pad(today.getDate()) + '日'; };
  window.changeFontSize = function (size) { var el = document.getElementById('zoom'); if (el) el.style.fontSize = size + 'px'; };
})();
</script>
</head>`;
}

function header(host: HostLayout): string {
  const nav = host.columns.map((c) => `<li><a href="${columnPagePath(c.id, 1)}" target="_self">${escapeHtml(c.name)}</a></li>`).join('\n');
  return `<div class="top"><div class="w1200"><span id="clock"></span><a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a></div></div>
<div class="header w1200"><a href="/" class="logo"><img src="/images/logo.png" alt="${escapeHtml(host.name)}" /></a>
<form action="/search.jsp" method="get" class="search"><input type="text" name="q" placeholder="请输入关键字" /><input type="submit" value="搜索" /></form></div>
<div class="nav"><ul class="w1200">
<li><a href="/">首页</a></li>
${nav}
</ul></div>`;
}

function sidebar(host: HostLayout, column: ColumnLayout, hot: DocumentLayout[]): string {
  const columns = host.columns
    .map((c) => `<li${c === column ? ' class="on"' : ''}><a href="${columnPagePath(c.id, 1)}">${escapeHtml(c.name)}</a></li>`)
    .join('\n');
  const hotList = hot
    .map((d) => `<li><a href="${d.path}" title="${escapeHtml(d.title)}" target="_blank">${escapeHtml(d.title.slice(0, 18))}…</a></li>`)
    .join('\n');
  return `<div class="side"><div class="side_tit">信息公开目录</div><ul class="side_list">
${columns}
</ul><div class="side_tit">热点信息</div><ul class="hot_list">
${hotList}
</ul></div>`;
}

function footer(host: HostLayout): string {
  const links = host.neighbours.map((url, i) => `<a href="${url}/" target="_blank">兄弟单位${i + 1}</a>`).join(' | ');
  return `<div class="footer"><div class="w1200"><div class="links">友情链接：${links}</div>
<p>主办单位：${escapeHtml(host.name)}　　地址：滨湖区太湖新城金融一街8号　　邮编：214000</p>
<p>网站标识码：3202110001　　<a href="javascript:void(0)">苏ICP备05012345号</a>　　<img src="/images/jing.png" alt="" />苏公网安备 32021102000123号</p>
<p><a href="/col/col1/index.html">网站地图</a> | <a href="/col/col2/index.html">联系我们</a> | 建议使用1024×768分辨率 IE9.0以上版本浏览器</p>
</div></div>
<script type="text/javascript">siteClock();</script>
</body></html>`;
}

/** The home page: each column with its newest documents. */
export function homePage(host: HostLayout): string {
  const blocks = host.columns
    .map(
      (
        c,
      ) => `<div class="block"><div class="block_tit"><a href="${columnPagePath(c.id, 1)}">${escapeHtml(c.name)}</a><a class="more" href="${columnPagePath(c.id, 1)}">更多&gt;&gt;</a></div><ul>
${c.documents
  .slice(0, 8)
  .map((d) => `<li><a href="${d.path}" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a><span>${d.date}</span></li>`)
  .join('\n')}
</ul></div>`,
    )
    .join('\n');
  return `${head(host, host.name)}
<body>${header(host)}
<div class="main w1200">${blocks}</div>
${footer(host)}`;
}

/** One page of a column's list, newest first, with the CMS's pager. */
export function listPage(host: HostLayout, column: ColumnLayout, page: number): string {
  const pages = Math.ceil(column.documents.length / PER_LIST_PAGE);
  const items = column.documents.slice((page - 1) * PER_LIST_PAGE, page * PER_LIST_PAGE);
  const rows = items
    .map(
      (d) =>
        `<tr><td class="bt"><a href="${d.path}" target="_blank" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a></td><td class="rq">${d.date}</td></tr>`,
    )
    .join('\n');
  const numbers = Array.from({ length: pages }, (_, i) => i + 1)
    .filter((n) => Math.abs(n - page) <= 4 || n === 1 || n === pages)
    .map((n) => (n === page ? `<span class="current">${n}</span>` : `<a href="${columnPagePath(column.id, n)}">${n}</a>`))
    .join(' ');
  const previous = page > 1 ? `<a href="${columnPagePath(column.id, page - 1)}">上一页</a>` : '<span>上一页</span>';
  const next = page < pages ? `<a href="${columnPagePath(column.id, page + 1)}">下一页</a>` : '<span>下一页</span>';
  return `${head(host, `${column.name}_${host.name}`)}
<body>${header(host)}
<div class="main w1200"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="${columnPagePath(column.id, 1)}">${escapeHtml(column.name)}</a></div>
${sidebar(host, column, column.documents.slice(0, 10))}
<div class="content"><table class="list" width="100%">
${rows}
</table>
<div class="pager">共${column.documents.length}条 ${previous} ${numbers} ${next} 第${page}/${pages}页</div></div></div>
${footer(host)}`;
}

/** A document page of roughly `targetBytes` once encoded in the host's charset. */
export function documentPage(host: HostLayout, column: ColumnLayout, doc: DocumentLayout, random: () => number, targetBytes: number): string {
  const at = column.documents.indexOf(doc);
  const newer = column.documents[at - 1];
  const older = column.documents[at + 1];
  const [year] = doc.date.split('-');
  const meta = [
    ['索引号', `01402890${column.id}/${year}-${String(doc.serial).padStart(5, '0')}`],
    ['发布机构', host.name],
    ['生成日期', doc.date],
    ['公开日期', doc.date],
    ['公开方式', '主动公开'],
    ['有效性', '有效'],
    ['文号', `锡滨教〔${year}〕${doc.serial}号`],
    ['主题分类', column.name],
  ];
  const metaRows = [0, 3, 6]
    .map(
      (i) =>
        `<tr>${meta
          .slice(i, i + 3)
          .map(([k, v]) => `<th>${k}：</th><td>${escapeHtml(v as string)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const shell = (
    body: string,
  ) => `${head(host, `${doc.title}_${host.name}`, `<meta name="ArticleTitle" content="${escapeHtml(doc.title)}" />\n<meta name="PubDate" content="${doc.date} 09:30" />\n`)}
<body>${header(host)}
<div class="main w1200"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="${columnPagePath(column.id, 1)}">${escapeHtml(column.name)}</a> &gt; 正文</div>
${sidebar(
  host,
  column,
  column.documents.slice(Math.max(0, at - 5), at + 5).filter((d) => d !== doc),
)}
<div class="content"><table class="xxgk_table" cellspacing="0" cellpadding="0"><tbody>
${metaRows}
</tbody></table>
<div class="article"><h1 class="art_title">${escapeHtml(doc.title)}</h1>
<div class="art_info">发布时间：${doc.date} 09:30　来源：${escapeHtml(host.name)}　浏览次数：<span id="views">${100 + doc.serial}</span>　【字体：<a href="javascript:changeFontSize(18)">大</a> <a href="javascript:changeFontSize(16)">中</a> <a href="javascript:changeFontSize(14)">小</a>】</div>
<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
${body}
<!--ZJEG_RSS.content.end--><meta name="ContentEnd"></div>
<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=${doc.serial}.pdf" target="_blank">${escapeHtml(doc.title.slice(0, 12))}.pdf</a></p>
<div class="art_nav"><p>上一篇：${newer ? `<a href="${newer.path}">${escapeHtml(newer.title)}</a>` : '没有了'}</p><p>下一篇：${older ? `<a href="${older.path}">${escapeHtml(older.title)}</a>` : '没有了'}</p></div>
<div class="art_tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div></div></div>
${footer(host)}`;
  const bytesPerChar = host.charset === 'gbk' ? 2 : 3;
  let budget = targetBytes - Buffer.byteLength(shell(''), 'utf8');
  const paragraphs: string[] = [];
  while (budget > 0) {
    const text = paragraph(random, paragraphs.length);
    paragraphs.push(`<p style="text-indent:2em;">${text}</p>`);
    budget -= text.length * bytesPerChar + 30;
  }
  return shell(paragraphs.join('\n'));
}

export { documentTitle };
