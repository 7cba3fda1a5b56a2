import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { ExtractedDocument } from './types.js';

export type { ExtractedDocument, Attachment, CanonicalKey } from './types.js';
export { CANONICAL_KEYS } from './types.js';

/**
 * Extracts a document page. Takes the page parsed once by the caller; it may mutate the tree
 * (removes chrome), so callers read links before calling it.
 * STUB: replaced by the extraction engine.
 */
export function extractDocument($: CheerioAPI, pageUrl: string): ExtractedDocument {
  void pageUrl;
  const title = $('title').first().text().trim();
  $('script, style, nav, header, footer').remove();
  const text = $('body').text().split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n');
  return { title, publishedDate: null, fields: {}, labels: {}, text, attachments: [], provenance: { title: 'title-tag', text: 'body' } };
}

/** Convenience for tests and tools: parse and extract in one call. */
export function extractFromHtml(html: string, pageUrl: string): ExtractedDocument {
  return extractDocument(cheerio.load(html), pageUrl);
}
