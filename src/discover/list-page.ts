import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textOf } from '../html/walk.js';
import { canonicalUrl } from './canonical-url.js';
import { DOCUMENT_URL, navigationKind } from './classify.js';
import { firstProxyRequest, parseDatastore, parseJpageOptions, type ProxyRequest } from './hanweb-datastore.js';
import { isPagerSibling, nextPageUrls, type PagerAnchor, trsNextPage } from './pagination.js';

/** What a list, home or channel page offers the crawl. URLs are canonical and not yet scoped. */
export interface ListDiscovery {
  kind: 'home' | 'channel' | 'list';
  /** The list's items: dated entries, datastore records, links shaped like CMS documents. */
  items: string[];
  /** Other list or channel pages linked from here (sub-columns, catalogue entries, navigation). */
  lists: string[];
  /** The page after this one in the same list. */
  next: ProxyRequest[];
}

/** A list item shows its date next to its link: 2021-02-18, 2021年2月18日, 2021/2/18, 2021.02.18, [02-18]. */
const DATE_IN_ITEM = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|[[［(（]\s*\d{1,2}-\d{1,2}\s*[\]］)）]/;
/** Longer "items" are layout blocks, not list entries: their dates belong to something else. */
const MAX_ITEM_TEXT = 400;

/**
 * Reads a non-document page once: every link with its text and whether it sits in a dated list
 * entry, the Hanweb datastore and jpage options, and TRS's script pager. Runs on the one cheerio
 * tree the crawl parsed; keeps no node beyond the call.
 */
export function discoverListPage($: CheerioAPI, pageUrl: string): ListDiscovery {
  const base = canonicalUrl($('base[href]').first().attr('href') ?? '', pageUrl) ?? pageUrl;
  const items = new Set<string>();
  const others = new Set<string>();
  const pager: PagerAnchor[] = [];
  const datedCache = new Map<AnyNode, boolean>();
  $('a[href], area[href]').each((_index, element) => {
    const url = canonicalUrl($(element).attr('href') ?? '', base);
    if (!url || url === pageUrl) return;
    const text = textOf(element).trim();
    pager.push({ url, text, markedNext: markedNext($, element) });
    if (DOCUMENT_URL.test(url) || inDatedEntry($, element, datedCache)) items.add(url);
    else others.add(url);
  });
  for (const href of $('link[rel="next"]').map((_i, el) => $(el).attr('href')).get()) {
    const url = canonicalUrl(href, base);
    if (url) pager.push({ url, text: '', markedNext: true });
  }
  const scripts = inlineScripts($);
  const next = nextPageUrls(pager, pageUrl).map((url): ProxyRequest => ({ url, total: null }));
  const trs = trsNextPage(scripts, pageUrl);
  if (trs) next.push({ url: canonicalUrl(trs) ?? trs, total: null });
  const datastore = parseDatastore(scripts);
  if (datastore) {
    for (const href of datastore.recordHrefs) {
      const url = canonicalUrl(href, base);
      if (url) items.add(url);
    }
    const proxy = firstProxyRequest(pageUrl, datastore, parseJpageOptions(scripts));
    if (proxy) next.push({ ...proxy, url: canonicalUrl(proxy.url) ?? proxy.url });
  }
  // Other pages of this same list are reached one by one through `next`, never all at once.
  const nextUrls = new Set(next.map((request) => request.url));
  const lists = [...others].filter((url) => !items.has(url) && !nextUrls.has(url) && !isPagerSibling(url, pageUrl));
  return { kind: navigationKind(pageUrl, items.size), items: [...items], lists, next: dedupe(next) };
}

function markedNext($: CheerioAPI, element: Element): boolean {
  const anchor = $(element);
  if (/\bnext\b/i.test(anchor.attr('rel') ?? '') || /(^|[\s_-])next($|[\s_-])/i.test(anchor.attr('class') ?? '')) return true;
  const label = anchor.attr('title') ?? anchor.find('img[alt]').attr('alt') ?? '';
  return /下一页|下一頁|下页|next/i.test(label);
}

/** True when the link's list entry (li, table row, dd) also shows a date. */
function inDatedEntry($: CheerioAPI, element: Element, cache: Map<AnyNode, boolean>): boolean {
  const listEntry = $(element).closest('li, tr, dd').get(0);
  // Outside a list element, only a parent holding this one link is an entry (`<p><a/> 2024-01-02</p>`).
  const entry = listEntry ?? (element.parent && $(element.parent).find('a').length === 1 ? element.parent : null);
  if (!entry) return false;
  let dated = cache.get(entry);
  if (dated === undefined) {
    const text = textOf(entry);
    dated = text.length <= MAX_ITEM_TEXT && DATE_IN_ITEM.test(text);
    cache.set(entry, dated);
  }
  return dated;
}

/** Text of the page's inline scripts (TRS pager calls, jpage options, the datastore XML). */
function inlineScripts($: CheerioAPI): string {
  return $('script:not([src])').map((_i, el) => $(el).text()).get().join('\n');
}

function dedupe(requests: ProxyRequest[]): ProxyRequest[] {
  const seen = new Map<string, ProxyRequest>();
  for (const request of requests) if (!seen.has(request.url)) seen.set(request.url, request);
  return [...seen.values()];
}
