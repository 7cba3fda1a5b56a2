/**
 * Minimal pages for fault tests: a list page linking to documents, and document pages with a title,
 * a disclosure metadata line and a body the extractor recognises. Each body carries a marker phrase
 * so a test can tell exactly which text was stored.
 */
export function listPage(links: string[], title = '通知公告'): string {
  const items = links.map((href, i) => `<li><a href="${href}">关于做好第${i + 1}项工作的通知</a><span>2024-03-0${(i % 9) + 1}</span></li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><div class="nav"><a href="/">首页</a></div><ul class="list">\n${items}\n</ul></body></html>`;
}

export function documentPage(title: string, marker: string, extra = ''): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) =>
    `<p>${marker}第${i + 1}段：各学校要认真贯彻落实有关工作要求，切实加强组织领导，确保各项任务按时保质完成，主动接受社会监督。</p>`).join('\n');
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
