import type { CheerioAPI } from 'cheerio';
import type { ExtractedDocument } from './types.js';
import type { Element, ParentNode } from './dom.js';
import { textOf } from './dom.js';
import { parseHtml } from '../html/parse.js';
import { findAttachments } from './attachments.js';
import { removeChrome } from './chrome.js';
import { extractMainText, locateMarkedContent, markedBodyTest, MAX_TEXT_CHARS } from './main-text/index.js';
import { buildMetadata } from './metadata/fields.js';
import { findPairGroups } from './metadata/locate.js';
import { findPublishedDate } from './published-date.js';
import { scanPage } from './scan.js';
import { stripSpaces } from './text.js';
import { findTitle } from './title.js';

export type { ExtractedDocument, Attachment, CanonicalKey } from './types.js';
export { CANONICAL_KEYS } from './types.js';

/**
 * Extracts a document page. Takes the page parsed once by the caller; it mutates the tree (removes
 * hidden elements and chrome), so callers read links before calling it.
 *
 * Order matters: one scan gathers metas, markers, headings, links and label texts; metadata,
 * title, date and attachments are read while the page is whole; chrome goes last, before the text.
 */
export function extractDocument($: CheerioAPI, pageUrl: string): ExtractedDocument {
  const scan = scanPage($.root()[0] as unknown as ParentNode);
  const marked = locateMarkedContent(scan);
  const metadata = buildMetadata(findPairGroups(scan.labelTexts, markedBodyTest(marked, scan.body)));
  const title = findTitle(scan, metadata.fields.title, metadata.provenance['fields.title'], linkTexts(scan.links));
  const published = findPublishedDate(scan, metadata, title.heading);
  const files = findAttachments(scan.links, pageUrl, scan.baseHref);
  removeChrome(scan.body, marked?.roots[0] ?? null);
  const skip = new Set<Element>(metadata.excluded);
  if (title.heading) skip.add(title.heading);
  const main = extractMainText(scan.body, marked, scan.bodyBoxes, { skip, attachmentLinks: files.elements, heading: title.heading, title: title.title });

  const provenance: Record<string, string> = { title: title.rule, publishedDate: published.rule, text: main.rule, ...metadata.provenance };
  if (files.attachments.length > 0) provenance.attachments = 'file-links';
  if (published.overruledMeta) provenance['publishedDate.meta'] = published.overruledMeta;
  if (main.truncated) provenance.textLimit = `cut after ${MAX_TEXT_CHARS} characters`;
  return {
    title: title.title,
    publishedDate: published.date,
    fields: metadata.fields,
    labels: metadata.labels,
    text: main.text,
    attachments: files.attachments,
    provenance,
  };
}

/** Convenience for tests and tools: parse and extract in one call. */
export function extractFromHtml(html: string, pageUrl: string): ExtractedDocument {
  return extractDocument(parseHtml(html), pageUrl);
}

/** Texts of links: a <title> that equals one is a column name from the navigation. */
function linkTexts(links: Element[]): Set<string> {
  const texts = new Set<string>();
  for (const link of links) {
    const text = stripSpaces(textOf(link));
    if (text.length > 0 && text.length <= 30) texts.add(text);
  }
  return texts;
}
