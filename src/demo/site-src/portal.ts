import { hanwebBreadcrumb, hanwebFooter, hanwebHead, hanwebHeader } from './hanweb-chrome.js';
import { escapeHtml } from './html.js';
import type { DemoDocument } from './types.js';

/** The pages around the two columns: home, section landings, the robots-excluded admin page, assets. */

export const ROBOTS_TXT = `# bureau-watch demo site
User-agent: *
Disallow: /admin/
`;

export function renderHome(latest: DemoDocument[]): string {
  const items = latest.map((d) => `<li><a href="${d.path}" title="${escapeHtml(d.title)}">${escapeHtml(d.title)}</a><span>${d.listDate}</span></li>`);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>教育局政府信息公开（演示站）</title>
<meta name="SiteName" content="教育局政府信息公开演示站">
<link rel="stylesheet" type="text/css" href="css/hanweb.css">
</head>
<body>
<div class="header"><div class="w1200"><div class="logo">教育局政府信息公开<small>演示站</small></div></div></div>
<div class="main w1200">
<div class="portal">
<div class="block"><h2>无锡市滨湖区教育局</h2><ul>
<li><a href="/col/col1000/index.html">政府信息公开</a></li>
<li><a href="/col/col1001/index.html">规划计划</a></li>
</ul></div>
<div class="block"><h2>潜江市教育局</h2><ul>
<li><a href="xxgk/index.html">政府信息公开</a></li>
<li><a href="./xxgk/ghjh/index.html">规划计划</a></li>
</ul></div>
<div class="block latest"><h2>最新公开</h2><ul>
${items.join('\n')}
</ul></div>
</div>
</div>
<div class="footer"><div class="w1200">
<p>本站为 bureau-watch 演示用复制站点，内容根据公开文件节选改编，不代表任何机关发布。</p>
<p><a href="/admin/">网站管理</a></p>
</div></div>
</body>
</html>`;
}

/** The Hanweb 政府信息公开 landing: guide text and the catalogue, linking the column with "../". */
export function renderHanwebLanding(): string {
  return `${hanwebHead({ charset: 'utf-8', htmlTitle: '政府信息公开_无锡市滨湖区人民政府' })}
<body>
${hanwebHeader()}
<div class="main w1200">
${hanwebBreadcrumb()}
<div class="content">
<div class="list_title">政府信息公开</div>
<div class="guide"><h3>政府信息公开指南</h3>
<p>为保障公民、法人和其他组织依法获取政府信息，本机关依照《中华人民共和国政府信息公开条例》编制本指南。主动公开的政府信息在本栏目发布，公开日期以页面所示为准。</p></div>
<div class="catalogue"><h3>政府信息公开目录</h3><ul>
<li><a href="../col1001/index.html">规划计划</a></li>
</ul></div>
</div>
</div>
${hanwebFooter()}`;
}

/** The TRS 政府信息公开 landing. */
export function renderTrsLanding(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>政府信息公开_潜江市教育局</title>
<link rel="stylesheet" type="text/css" href="../css/trs.css">
</head>
<body>
<div class="banner"><div class="wrap"><span class="logo">潜江市教育局</span></div></div>
<div class="crumb wrap">当前位置：<a href="/index.html">首页</a> &gt; 政府信息公开</div>
<div class="wrap main">
<div class="list-title">政府信息公开</div>
<ul class="xxgk-nav">
<li><a href="ghjh/index.html">规划计划</a></li>
<li><span>政策文件</span></li>
<li><span>财政预决算</span></li>
</ul>
</div>
</body>
</html>`;
}

/** Disallowed by robots.txt but linked from the home page, so a crawler that ignores robots shows up in the log. */
export function renderAdmin(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>网站管理后台登录</title></head>
<body>
<form method="post" action="/admin/login.do">
<p>用户名：<input type="text" name="username"></p>
<p>密　码：<input type="password" name="password"></p>
<p><button type="submit">登录</button></p>
</form>
</body>
</html>`;
}

export const HANWEB_CSS = `body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.w1200{width:1200px;margin:0 auto}.fr{float:right}
.topbar{background:#f5f5f5;line-height:32px;font-size:12px}
.header{background:#1a5fb4;color:#fff;height:110px}.logo{font-size:32px;line-height:110px}.logo small{font-size:18px;margin-left:12px}
.nav{background:#0d4a94}.nav li{display:inline-block;padding:0 28px;line-height:46px}.nav a{color:#fff}
.position{line-height:40px;border-bottom:1px solid #ddd}
.left,.content{float:left;width:880px}.right,.side{float:right;width:290px}.side{float:left;margin-right:30px}
.xxgk_head{font-weight:bold;margin:16px 0 8px}
.xxgk_info,.xxgk_table{border:1px solid #ccd;padding:10px;margin:0 0 20px;overflow:hidden}
.xxgk_info li{float:left;width:33%;list-style:none}.xxgk_table .item{float:left;width:33%}
table.xxgk_table th{background:#eef;font-weight:normal;padding:4px}table.xxgk_table td{padding:4px}
.art_title{text-align:center;font-size:24px}.art_info{text-align:center;color:#888;border-bottom:1px dashed #ccc}
.art_content p{margin:0 0 10px}.tools,.prevnext{margin-top:20px;color:#666}
.list li{list-style:none;line-height:36px;border-bottom:1px dashed #ddd}.list .date{float:right;color:#999}
.pages{text-align:center;margin:20px 0}.pages a,.pages span,.pages b{margin:0 4px}
.hot h3,.catalogue h3{background:#1a5fb4;color:#fff;padding:0 10px}
.footer{clear:both;background:#f0f0f0;text-align:center;padding:20px 0;font-size:12px;color:#666}
`;

export const TRS_CSS = `body{margin:0;font:14px/1.8 "Microsoft YaHei",sans-serif}.wrap{width:1000px;margin:0 auto}
.top{background:#eee;line-height:30px;font-size:12px}.fr{float:right}
.banner{background:#b11;color:#fff;height:96px}.logo{font-size:30px;line-height:96px}
.menu{background:#900}.menu li{display:inline-block;padding:0 24px;line-height:42px}.menu a{color:#fff}
.crumb{line-height:40px}.bd1{border:1px solid #ccc;background:#f7f7f7}.bd1 td{padding:4px 8px}
.pages-title{font-size:22px;text-align:center;margin:20px 0 10px}.pages-date{text-align:center;color:#888}
.list li{list-style:none;line-height:36px;border-bottom:1px dashed #ddd}.list span{float:right;color:#999}
.page,.page-plain{text-align:center;margin:16px 0}.footer{background:#eee;text-align:center;padding:16px 0;font-size:12px}
`;

export const HANWEB_JS = `function doZoom(size){var el=document.getElementById('zoom');if(el){el.style.fontSize=size+'px';}}
function share(to){window.open('about:blank');}
function addFavorite(){try{window.external.addFavorite(location.href,document.title);}catch(e){alert('请使用Ctrl+D收藏本页');}}
`;

/** TRS's pager: writes 首页/上一页/下一页/尾页 for pages index.html, index_1.html … index_{count-1}.html. */
export const CREATE_PAGE_HTML_JS = `function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var name = function(i){ return i == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + i + "." + _sPageExt; };
  var html = "";
  html += _nCurrIndex == 0 ? "<span>首页</span> <span>上一页</span> " : "<a href=\\"" + name(0) + "\\">首页</a> <a href=\\"" + name(_nCurrIndex - 1) + "\\">上一页</a> ";
  html += _nCurrIndex == _nPageCount - 1 ? "<span>下一页</span> <span>尾页</span>" : "<a href=\\"" + name(_nCurrIndex + 1) + "\\">下一页</a> <a href=\\"" + name(_nPageCount - 1) + "\\">尾页</a>";
  document.write(html + " 共" + _nPageCount + "页");
}
`;
