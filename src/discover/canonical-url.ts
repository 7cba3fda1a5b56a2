/**
 * One spelling per page, so the queue and the archive never hold the same page twice:
 * resolved against the page, fragment dropped, `;jsessionid=` dropped, default port dropped,
 * `./` and `../` resolved, host lower-cased (all by WHATWG URL), http(s) only.
 */
export function canonicalUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data):/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.pathname = url.pathname.replace(/;jsessionid=[^/?#]*/i, '');
  if (url.search === '?') url.search = '';
  return url.toString();
}
