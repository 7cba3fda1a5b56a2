import { readdirSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSiteDir, startStaticSite, type StaticSite } from '../../src/demo/server.js';
import { bodyText, datesOn, expected, fetchPage, isAttachment, isDisallowed, linksOf, pathOf, type FetchedPage } from './site-helpers.js';

let site: StaticSite;
beforeAll(async () => {
  site = await startStaticSite(demoSiteDir());
});
afterAll(async () => {
  await site.close();
});

const htmlPaths = (readdirSync(demoSiteDir(), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.html'))
  .map((file) => `/${file.split('\\').join('/')}`)
  .sort();
const DATE_KEYS = new Set(['publishedDate', 'generatedDate', 'writtenDate']);

const pageCache = new Map<string, Promise<FetchedPage>>();
const get = (path: string) => {
  if (!pageCache.has(path)) pageCache.set(path, fetchPage(site.baseUrl, path));
  return pageCache.get(path) as Promise<FetchedPage>;
};

describe('demo site inventory', () => {
  it('has the pages the brief asks for', () => {
    expect(htmlPaths.length).toBeGreaterThanOrEqual(14);
    expect(expected.documents.length).toBeGreaterThanOrEqual(8);
    expect(new Set(expected.documents.map((d) => d.cms))).toEqual(new Set(['hanweb', 'trs']));
    expect(expected.documents.some((d) => d.title.includes('工作要点'))).toBe(true);
    expect(expected.documents.some((d) => d.title.includes('工作计划'))).toBe(true);
    const gbDocs = expected.documents.filter((d) => d.charset === 'gbk');
    expect(gbDocs.length).toBeGreaterThanOrEqual(1);
    expect(gbDocs.length).toBeLessThanOrEqual(2);
    for (const path of [...expected.listPages, ...expected.documents.map((d) => d.path)]) {
      expect(htmlPaths).toContain(path);
    }
  });

  it('stores GB pages as GBK bytes declared only in <meta http-equiv>, everything else as UTF-8', async () => {
    const gbPaths = new Set(expected.documents.filter((d) => d.charset === 'gbk').map((d) => d.path));
    let gbListPages = 0;
    for (const path of htmlPaths) {
      const page = await get(path);
      expect(page.contentType).toBe('text/html');
      const head = page.bytes.subarray(0, 1024).toString('latin1');
      if (isUtf8(page.bytes)) {
        expect(gbPaths.has(path), path).toBe(false);
        continue;
      }
      expect(head, path).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=gb2312"/);
      expect(head.match(/charset/gi)).toHaveLength(1);
      if (expected.listPages.includes(path)) gbListPages += 1;
      else expect(gbPaths.has(path), `${path} is GB-encoded but not expected to be`).toBe(true);
    }
    expect(gbListPages).toBeGreaterThanOrEqual(1);
  });
});

describe('demo site links', () => {
  it('resolve: every link on every page reaches a file, or is an attachment, the admin page or off-site', async () => {
    const attachmentsByPage = new Map(expected.documents.map((d) => [d.path, d.attachments.map((a) => a.path)]));
    const broken: string[] = [];
    for (const path of htmlPaths) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      for (const link of linksOf(page.html, `${site.baseUrl}${path}`)) {
        if (link.url.origin !== site.baseUrl) continue;
        if (isAttachment(link.url)) {
          expect(attachmentsByPage.get(path) ?? [], `${path} links ${link.href}`).toContain(pathOf(link.url));
          continue;
        }
        const res = await fetch(link.url, { method: 'HEAD' });
        if (res.status !== 200) broken.push(`${path} -> ${link.href} (${res.status})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('reach every list page and document from the two column entries by plain <a href> links', async () => {
    const reached = new Set<string>();
    const queue = [...expected.startPaths];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (reached.has(path)) continue;
      const page = await get(path);
      if (page.status !== 200) continue;
      reached.add(path);
      for (const link of linksOf(page.html, `${site.baseUrl}${path}`)) {
        const { url } = link;
        if (link.tag !== 'a' || url.origin !== site.baseUrl || isAttachment(url) || isDisallowed(url)) continue;
        if (url.pathname.endsWith('.html')) queue.push(url.pathname);
      }
    }
    for (const path of [...expected.listPages, ...expected.documents.map((d) => d.path)]) {
      expect(reached, path).toContain(path);
    }
    expect([...reached].some((path) => path.startsWith('/admin/'))).toBe(false);
  });

  it('uses relative hrefs of several kinds and no absolute URLs to the site itself', async () => {
    const hrefs: string[] = [];
    for (const path of htmlPaths) {
      hrefs.push(...linksOf((await get(path)).html, `${site.baseUrl}${path}`).map((l) => l.href));
    }
    expect(hrefs.some((h) => h.startsWith('./'))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('../'))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('/'))).toBe(true);
    expect(hrefs.some((h) => /^[\w-]+\.html$/.test(h))).toBe(true);
    expect(hrefs.filter((h) => /127\.0\.0\.1|localhost/.test(h))).toEqual([]);
  });

  it('keeps /admin/ out by robots.txt while linking it from the home page', async () => {
    const robots = await (await fetch(`${site.baseUrl}/robots.txt`)).text();
    expect(robots).toMatch(/User-agent: \*\nDisallow: \/admin\/\n/);
    const home = await get('/index.html');
    expect(linksOf(home.html, `${site.baseUrl}/`).map((l) => l.url.pathname)).toContain('/admin/');
    expect((await get('/admin/')).status).toBe(200);
  });

  it('paginates the TRS column by createPageHTML and by plain links', async () => {
    const first = await get('/xxgk/ghjh/index.html');
    expect(first.html).toContain('createPageHTML(3, 0, "index", "html")');
    expect(load(first.html)('a:contains("下一页")').attr('href')).toBe('index_1.html');
  });
});

describe('demo documents match the expectations', () => {
  it.each(expected.documents.map((d) => [d.path, d] as const))('%s', async (path, doc) => {
    const page = await get(path);
    expect(page.status).toBe(200);
    const $ = load(page.html);
    expect($('h1.art_title, div.pages-title').first().text()).toBe(doc.title);
    const body = bodyText(page.html);
    expect(body.length).toBeGreaterThan(500);
    expect(body).toContain(doc.phrase);
    for (const other of expected.documents.filter((d) => d !== doc)) {
      expect(bodyText((await get(other.path)).html), `${doc.phrase} also in ${other.path}`).not.toContain(doc.phrase);
    }
    const dates = datesOn(page.html);
    expect(dates).toContain(doc.publishedDate);
    for (const [key, value] of Object.entries(doc.fields)) {
      if (DATE_KEYS.has(key)) expect(dates, key).toContain(value);
      else expect($.text(), key).toContain(value);
    }
    const linked = linksOf(page.html, `${site.baseUrl}${path}`).map((l) => pathOf(l.url));
    for (const attachment of doc.attachments) {
      expect(linked).toContain(attachment.path);
      expect($('a').filter((_, a) => $(a).text() === attachment.name).length).toBeGreaterThan(0);
    }
    expect(doc.matchesPlanAlert).toBe(/工作要点|工作计划|规划/.test(doc.title));
  });
});
