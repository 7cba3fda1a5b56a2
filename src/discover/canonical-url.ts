/** Session ids some Java CMSes (Hanweb, TRS WCM) append to every link: same page, different spelling. */
const SESSION_PARAMS = new Set(['jsessionid', 'phpsessid', 'aspsessionid']);

/**
 * One spelling per page, so the queue and the archive never hold the same page twice:
 * resolved against the page, fragment dropped, `;jsessionid=` and session query parameters
 * dropped, default port dropped, `./` and `../` resolved, host lower-cased (the last three by
 * WHATWG URL), http(s) only. Returns null for anything that is not a fetchable page address.
 * A base given as a URL object is not parsed again (a list page resolves thousands of links).
 */
export function canonicalUrl(href: string, base?: string | URL): string | null {
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data|about|file|ftp):/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  if (url.pathname.includes(';')) url.pathname = url.pathname.replace(/;jsessionid=[^/?#]*/gi, '');
  if (url.search) dropSessionParams(url);
  if (!url.search) url.search = ''; // drops a bare trailing "?" (search reads '' for it)
  return url.toString();
}

function dropSessionParams(url: URL): void {
  const names = [...url.searchParams.keys()].filter((name) => SESSION_PARAMS.has(name.toLowerCase()));
  for (const name of names) url.searchParams.delete(name);
}
