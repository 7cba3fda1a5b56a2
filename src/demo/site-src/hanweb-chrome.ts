import { declaredCharset, escapeHtml } from './html.js';
import type { PageCharset } from './types.js';

/** Page chrome of the Hanweb (大汉) column: the parts around the content that a crawler must ignore. */

export const HANWEB_SITE_NAME = '无锡市滨湖区人民政府';
export const HANWEB_COLUMN_NAME = '规划计划';
export const HANWEB_COLUMN_PATH = '/col/col1001/index.html';

export function hanwebHead(options: { charset: PageCharset; htmlTitle: string; extraMeta?: string[] }): string {
  const lines = [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    `<meta http-equiv="Content-Type" content="text/html; charset=${declaredCharset(options.charset)}" />`,
    `<title>${escapeHtml(options.htmlTitle)}</title>`,
    `<meta name="SiteName" content="${HANWEB_SITE_NAME}">`,
    '<meta name="SiteDomain" content="www.wxbh.example.gov.cn">',
    '<meta name="SiteIDCode" content="3202110000">',
    `<meta name="ColumnName" content="${HANWEB_COLUMN_NAME}">`,
    '<meta name="ColumnType" content="规划计划">',
    ...(options.extraMeta ?? []),
    '<link rel="stylesheet" type="text/css" href="/css/hanweb.css" />',
    '<script type="text/javascript" src="/js/hanweb.js"></script>',
    '</head>',
  ];
  return lines.join('\n');
}

export function hanwebHeader(): string {
  return `<div class="topbar"><div class="w1200">网站支持IPv6　${HANWEB_SITE_NAME}　欢迎您！
<span class="fr"><a href="/index.html">网站首页</a> | <a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a> | <a href="javascript:void(0)" class="wza">无障碍浏览</a></span></div></div>
<div class="header"><div class="w1200"><div class="logo">${HANWEB_SITE_NAME}<small>区教育局</small></div>
<form class="search" action="javascript:void(0)"><input type="text" name="q" placeholder="请输入关键字" /><button type="button">搜索</button></form></div></div>
<div class="nav"><ul class="w1200">
<li><a href="/index.html">首页</a></li>
<li><a href="/col/col1000/index.html">政府信息公开</a></li>
<li><a href="${HANWEB_COLUMN_PATH}">规划计划</a></li>
<li><a href="javascript:void(0)">政务服务</a></li>
<li><a href="javascript:void(0)">互动交流</a></li>
<li><a href="javascript:void(0)">走进滨湖</a></li>
</ul></div>`;
}

/** Breadcrumb as the CMS prints it: links separated by bare `&gt;`. */
export function hanwebBreadcrumb(): string {
  return `<div class="position">当前位置：<a href="/index.html">首页</a>&gt;<a href="/col/col1000/index.html">区教育局</a>&gt;<a href="/col/col1000/index.html">政府信息公开</a>&gt;<a href="/col/col1000/index.html">政府信息公开目录</a>&gt;<a href="${HANWEB_COLUMN_PATH}">${HANWEB_COLUMN_NAME}</a></div>`;
}

/** The disclosure catalogue tree on the left of list pages; only this column is live in the replica. */
export function hanwebCatalogueTree(): string {
  const dead = ['机构概况', '政策文件', '统计信息', '财政资金', '人事信息', '政府信息公开年报'];
  return `<div class="catalogue"><h3>政府信息公开目录</h3><ul>
<li class="on"><a href="${HANWEB_COLUMN_PATH}">${HANWEB_COLUMN_NAME}</a></li>
${dead.map((name) => `<li><span>${name}</span></li>`).join('\n')}
</ul></div>`;
}

export function hanwebFooter(): string {
  return `<div class="footer"><div class="w1200">
<p><a href="javascript:void(0)">网站地图</a> | <a href="javascript:void(0)">联系我们</a> | <a href="javascript:void(0)">隐私声明</a></p>
<p>主办单位：无锡市滨湖区教育局　地址：滨湖区示例路1号　联系电话：0510-00000000</p>
<p>备案号：<a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备00000000号-1</a>　网站标识码：3202110000　<a href="http://www.beian.gov.cn/portal/registerSystemInfo" target="_blank">苏公网安备 32021102000000号</a></p>
<p>本站为 bureau-watch 演示用复制站点，内容根据公开文件节选改编，不代表任何机关发布。</p>
<p><a href="http://bszs.conac.cn/sitename?method=show" target="_blank">党政机关</a>　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html" target="_blank">政府网站找错</a></p>
</div></div>
</body>
</html>`;
}
