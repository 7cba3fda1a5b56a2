/**
 * Hanweb (大汉 JCMS) column pages hide their list in a `<script type="text/xml"><datastore>` whose
 * `<record>`s carry the list items as CDATA HTML; the jpage plugin pages through the rest of the
 * column by asking `/module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P` with the
 * column's parameters (columnid, unitid, webid, path, webname, permissiontype …). Those parameters
 * come from the datastore's `<nextgroup>` link (`dataproxy.jsp?page=1&…`) or the jpage call's
 * options (`proxyUrl`, `totalRecord`, `perPage`). The proxy answers with a datastore of the next
 * records (and often `<totalrecord>`), so the crawl reads it like any list page and asks for the
 * following range until a short answer or the total is reached. The JSP reads its parameters with
 * getParameter, so a GET with everything in the query string works where the browser POSTs.
 */

export interface Datastore {
  /** Link targets of the records, as written (relative hrefs unresolved). */
  recordHrefs: string[];
  recordCount: number;
  /** `<nextgroup>` link (the proxy URL with the column's parameters), as written. */
  nextGroupHref: string | null;
  /** `<totalrecord>`, when the datastore states it. */
  totalRecord: number | null;
}

/** What the jpage call on the page says (`$('#id').jpage({ totalRecord: 120, perPage: 15, proxyUrl: … })`). */
export interface JpageOptions {
  totalRecord: number | null;
  perPage: number | null;
  proxyUrl: string | null;
  params: Record<string, string>;
}

/** Paging parameters the proxy takes from the query; everything else is the column's identity. */
const RANGE_PARAMS = ['startrecord', 'endrecord', 'perpage'];
const COLUMN_PARAMS = ['col', 'appid', 'webid', 'path', 'columnid', 'sourcecontenttype', 'unitid', 'webname', 'permissiontype'];
const DEFAULT_PER_PAGE = 15;
/** jpage's default groupSize: the proxy is asked for three pages' worth at a time. */
const PAGES_PER_GROUP = 3;

export function hasDatastore(text: string): boolean {
  return /<datastore[\s>]/i.test(text);
}

export function parseDatastore(text: string): Datastore | null {
  if (!hasDatastore(text)) return null;
  const recordHrefs: string[] = [];
  let recordCount = 0;
  for (const match of text.matchAll(/<record[^>]*>([\s\S]*?)<\/record>/gi)) {
    recordCount++;
    const href = firstHref(stripCdata(match[1] ?? ''));
    if (href) recordHrefs.push(href);
  }
  const nextGroup = /<nextgroup[^>]*>([\s\S]*?)<\/nextgroup>/i.exec(text);
  const total = /<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(text);
  return {
    recordHrefs,
    recordCount,
    nextGroupHref: nextGroup ? firstHref(stripCdata(nextGroup[1] ?? '')) : null,
    totalRecord: total?.[1] ? Number(total[1]) : null,
  };
}

export function parseJpageOptions(scripts: string): JpageOptions {
  const number = (name: string) => {
    const match = new RegExp(`\\b${name}\\s*[:=]\\s*["']?(\\d+)`, 'i').exec(scripts);
    return match?.[1] ? Number(match[1]) : null;
  };
  const proxy = /\bproxyUrl\s*[:=]\s*["']([^"']+)["']/i.exec(scripts);
  const params: Record<string, string> = {};
  for (const name of COLUMN_PARAMS) {
    const match = new RegExp(`\\b${name}\\s*:\\s*["']?([^"',}\\s]*)`, 'i').exec(scripts);
    if (match?.[1] !== undefined && match[1] !== '') params[name] = match[1];
  }
  return { totalRecord: number('totalRecord'), perPage: number('perPage'), proxyUrl: proxy?.[1] ?? null, params };
}

export interface ProxyRequest {
  url: string;
  /** The column's record count, when known: the last range stops there. */
  total: number | null;
}

/** The proxy request for the records after the ones the column page carries itself, if any. */
export function firstProxyRequest(pageUrl: string, datastore: Datastore, jpage: JpageOptions): ProxyRequest | null {
  const base = datastore.nextGroupHref ?? jpage.proxyUrl;
  if (!base) return null;
  const total = datastore.totalRecord ?? jpage.totalRecord;
  const have = datastore.recordCount;
  if (total !== null && have >= total) return null;
  const perPage = jpage.perPage ?? DEFAULT_PER_PAGE;
  const chunk = have > 0 ? have : perPage * PAGES_PER_GROUP;
  let proxy: URL;
  try {
    proxy = new URL(decodeEntities(base), pageUrl);
  } catch {
    return null;
  }
  const query = new URLSearchParams({ startrecord: String(have + 1), endrecord: String(have + chunk), perpage: String(perPage) });
  for (const [name, value] of proxy.searchParams) {
    if (!RANGE_PARAMS.includes(name.toLowerCase()) && name.toLowerCase() !== 'page') query.append(name, value);
  }
  if (!datastore.nextGroupHref) {
    for (const [name, value] of Object.entries(jpage.params)) if (!query.has(name)) query.append(name, value);
  }
  proxy.search = query.toString();
  return { url: proxy.toString(), total };
}

/**
 * The range after a proxy answer, or null when the answer was the last: it held fewer records
 * than asked for, or reached the total.
 */
export function nextProxyRequest(proxyUrl: string, answer: Pick<Datastore, 'recordCount' | 'totalRecord'>, knownTotal: number | null): ProxyRequest | null {
  const url = new URL(proxyUrl);
  const start = Number(url.searchParams.get('startrecord'));
  const end = Number(url.searchParams.get('endrecord'));
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return null;
  const total = answer.totalRecord ?? knownTotal;
  const asked = end - start + 1;
  if (answer.recordCount < asked || (total !== null && end >= total)) return null;
  url.searchParams.set('startrecord', String(end + 1));
  url.searchParams.set('endrecord', String(end + asked));
  return { url: url.toString(), total };
}

export function isProxyUrl(url: string): boolean {
  return /\/dataproxy\.jsp(\?|$)/i.test(url);
}

function stripCdata(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
}

function firstHref(html: string): string | null {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  const href = match?.[1] ?? match?.[2] ?? match?.[3];
  return href ? decodeEntities(href.trim()) : null;
}

function decodeEntities(href: string): string {
  return href.replace(/&amp;|&#38;|&#x26;/gi, '&');
}
