import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** One document page of the fixture bureau: what a reader sees, and the chrome around it. */
export interface FixturePage {
  title: string;
  paragraphs: string[];
  published: string;
  views: number;
  sidebar: string[];
  /** Set to answer 404 instead. */
  gone?: boolean;
}

export interface FixtureSite {
  baseUrl: string;
  listUrl: string;
  pages: Map<string, FixturePage>;
  urlOf(path: string): string;
}

/**
 * A small disclosure site on loopback whose pages a test edits between crawls: a column page
 * linking every live document, and document pages with a plain structure (body in
 * `div.TRS_Editor`, chrome in nav/aside/footer, a view counter in the info line), so the outcome
 * does not hang on fine points of extraction. Answers ETag/304 like a real server.
 */
export async function startFixtureSite(): Promise<FixtureSite> {
  const pages = new Map<string, FixturePage>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = path === '/col/col100/index.html' ? listPage(pages) : pages.get(path) && !pages.get(path)!.gone ? documentPage(pages.get(path)!) : null;
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><h1>404 页面不存在</h1></body></html>');
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onTestFinished(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { baseUrl, listUrl: `${baseUrl}/col/col100/index.html`, pages, urlOf: (path) => `${baseUrl}${path}` };
}

const NAV = '<nav><a href="/col/col100/index.html">首页</a> | <a href="/col/col100/index.html">政府信息公开</a></nav>';

function listPage(pages: Map<string, FixturePage>): string {
  const items = [...pages].filter(([, page]) => !page.gone)
    .map(([path, page]) => `<li><a href="${path}">${page.title}</a><span>${page.published}</span></li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划计划_教育局</title></head><body>
${NAV}<div class="list"><ul>
${items}
</ul></div><footer>主办单位：示例市教育局 版权所有</footer></body></html>`;
}

function documentPage(page: FixturePage): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${page.title}</title>
<meta name="ArticleTitle" content="${page.title}"><meta name="PubDate" content="${page.published} 09:00"></head><body>
${NAV}
<div class="article">
<h1>${page.title}</h1>
<div class="info">发布时间：${page.published} 浏览次数：${page.views}</div>
<div class="TRS_Editor">
${page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</div>
</div>
<aside><h3>最新文章</h3><ul>${page.sidebar.map((item) => `<li><a href="/col/col100/index.html">${item}</a></li>`).join('')}</ul></aside>
<footer>主办单位：示例市教育局 今天是${page.published} 访问量：${page.views * 7}</footer>
</body></html>`;
}
