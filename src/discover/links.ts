import type { CheerioAPI } from 'cheerio';
import { canonicalUrl } from './canonical-url.js';

/** Every distinct link target on the page, canonical, honouring `<base href>`. */
export function extractLinks($: CheerioAPI, pageUrl: string): string[] {
  const base = canonicalUrl($('base[href]').first().attr('href') ?? '', pageUrl) ?? pageUrl;
  const links = new Set<string>();
  $('a[href], area[href]').each((_index, element) => {
    const url = canonicalUrl($(element).attr('href') ?? '', base);
    if (url) links.add(url);
  });
  return [...links];
}
