import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { canonicalUrl } from './canonical-url.js';
import { DOCUMENT_URL, navigationKind } from './classify.js';
import { firstProxyRequest, parseDatastore, parseJpageOptions, type ProxyRequest } from './hanweb-datastore.js';
import { readPageLinks, type PageLink } from './page-links.js';
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

/**
 * Reads a non-document page once: every link with its text and whether it sits in a dated list
 * entry, the Hanweb datastore and jpage options, and TRS's script pager. One walk over the tree
 * the crawl parsed (page-links.ts); keeps no node beyond the call.
 */
export function discoverListPage($: CheerioAPI, pageUrl: string): ListDiscovery {
  const page = readPageLinks($.root()[0] as AnyNode, (text) => DATE_IN_ITEM.test(text));
  const base = new URL(canonicalUrl(page.baseHref ?? '', pageUrl) ?? pageUrl);
  const items = new Set<string>();
  const others = new Set<string>();
  const pager: PagerAnchor[] = [];
  for (const link of page.links) {
    const url = canonicalUrl(link.href, base);
    if (!url || url === pageUrl) continue;
    pager.push({ url, text: link.text, markedNext: markedNext(link) });
    // A dated list entry (li, table row, dd, or a parent holding only the link) is an item.
    if (DOCUMENT_URL.test(url) || link.inEntry) items.add(url);
    else others.add(url);
  }
  for (const href of page.nextHrefs) {
    const url = canonicalUrl(href, base);
    if (url) pager.push({ url, text: '', markedNext: true });
  }
  const { scripts } = page;
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

function markedNext(link: PageLink): boolean {
  if (/\bnext\b/i.test(link.rel) || /(^|[\s_-])next($|[\s_-])/i.test(link.className)) return true;
  return /下一页|下一頁|下页|next/i.test(link.title ?? link.imageAlt ?? '');
}

function dedupe(requests: ProxyRequest[]): ProxyRequest[] {
  const seen = new Map<string, ProxyRequest>();
  for (const request of requests) if (!seen.has(request.url)) seen.set(request.url, request);
  return [...seen.values()];
}
