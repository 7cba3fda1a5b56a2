import type { CheerioAPI } from 'cheerio';

export type PageKind = 'document' | 'list';

/** URL shapes of detail pages in the common CMSes (Hanweb art_, TRS t20240308_, gov.cn content_). */
const DOCUMENT_URL = /\/art\/\d{4}\/|\/art_\d+_\d+|\/t\d{8}_\d+|content_\d+|\/(detail|show|view)[^/]*\.(s?html?|jsp|php|aspx?)/i;
/** URL shapes of column/list pages. */
const LIST_URL = /\/(index|list|default)(_\d+)?\.s?html?$|\/col\/col\d+\/|\/$|dataproxy\.jsp/i;

/**
 * Tells document pages (stored) from list, home and channel pages (only followed). Signals in
 * order: the CMS's own article metas, URL shape, then how much of the page's text is link text.
 */
export function classifyPage($: CheerioAPI, url: string): PageKind {
  if ($('meta[name="ArticleTitle"]').attr('content')?.trim()) return 'document';
  if (DOCUMENT_URL.test(url)) return 'document';
  if (LIST_URL.test(new URL(url).pathname)) return 'list';
  return looksLikeArticle($) ? 'document' : 'list';
}

function looksLikeArticle($: CheerioAPI): boolean {
  const body = $('body');
  const total = body.text().replace(/\s+/g, '').length;
  const linked = body.find('a').text().replace(/\s+/g, '').length;
  return total - linked >= 300 && linked / Math.max(total, 1) < 0.5;
}
