import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { decodeBody } from '../../src/decode/index.js';
import type { DemoExpected } from '../../src/demo/site-src/render.js';

export const expected = JSON.parse(readFileSync(new URL('../fixtures/demo-expected.json', import.meta.url), 'utf8')) as DemoExpected;

export interface FetchedPage {
  status: number;
  contentType: string | null;
  bytes: Buffer;
  html: string;
}

export async function fetchPage(baseUrl: string, path: string): Promise<FetchedPage> {
  const res = await fetch(`${baseUrl}${path}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type');
  return { status: res.status, contentType, bytes, html: decodeBody(bytes, contentType ?? undefined).html };
}

export interface PageLink {
  tag: string;
  href: string;
  url: URL;
}

/** Every href/src a browser would follow or load: anchors, stylesheets, scripts, images, frames. */
export function linksOf(html: string, pageUrl: string): PageLink[] {
  const $ = load(html);
  const links: PageLink[] = [];
  $('a[href], link[href], script[src], img[src], iframe[src]').each((_, el) => {
    const href = ($(el).attr('href') ?? $(el).attr('src') ?? '').trim();
    if (href === '' || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return;
    links.push({ tag: el.tagName, href, url: new URL(href, pageUrl) });
  });
  return links;
}

export const isAttachment = (url: URL) => /downfile\.jsp$|\.(pdf|docx?|xlsx?|zip|rar|wps)$/i.test(url.pathname);
export const isDisallowed = (url: URL) => expected.disallowedPaths.some((prefix) => url.pathname.startsWith(prefix));
export const pathOf = (url: URL) => url.pathname + url.search;

/** Text of the document body region: between Hanweb's ZJEG_RSS markers, or inside TRS's div.TRS_Editor. */
export function bodyText(html: string): string {
  const begin = html.indexOf('<!--ZJEG_RSS.content.begin-->');
  const end = html.indexOf('<!--ZJEG_RSS.content.end-->');
  const region = begin >= 0 && end > begin ? html.slice(begin, end) : (load(html)('div.TRS_Editor').html() ?? '');
  return load(region).text();
}

/** Every date written on the page, as YYYY-MM-DD (2021-02-18, 2021年02月18日, 2020/11/16 …). */
export function datesOn(html: string): Set<string> {
  const dates = new Set<string>();
  for (const m of html.matchAll(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/g)) {
    dates.add(`${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`);
  }
  return dates;
}
