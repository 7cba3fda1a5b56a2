import { ElementType } from 'domelementtype';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { findElement, isText, walkDescendants } from '../html/walk.js';

/** Documents are stored; list, home and channel pages are only read for their links. */
export type PageKind = 'document' | 'list';

/** URL shapes of detail pages in the common CMSes (Hanweb art_, TRS t20240308_, gov.cn content_). */
export const DOCUMENT_URL = /\/art\/\d{4}\/|\/art_\d+_\d+|\/t\d{8}_\d+|content_\d+|\/(detail|show|view|article)[^/]*\.(s?html?|jsp|php|aspx?)/i;
/** URL shapes of column/list pages (matched against the path). */
const LIST_PATH = /\/(index|list|default)(_\d+)?\.(s?html?|jsp|php|aspx?)$|\/col\/col\d+\/|\/$|dataproxy\.jsp/i;
const HOME_PATH = /^\/((index|default)\.(s?html?|jsp|php|aspx?))?$/i;

/**
 * Tells document pages from list, home and channel pages. Signals in order: the CMS's own
 * article metas, URL shape, what the linking list said (`hint`: a dated list item or a datastore
 * record), then how much of the page's text is link text.
 */
export function classifyPage($: CheerioAPI, url: string, hint?: 'document'): PageKind {
  const root = $.root()[0] as AnyNode;
  if (findElement(root, isArticleTitleMeta)?.attribs.content?.trim()) return 'document';
  if (DOCUMENT_URL.test(url)) return 'document';
  if (LIST_PATH.test(new URL(url).pathname)) return 'list';
  if (hint === 'document') return 'document';
  return looksLikeArticle(root) ? 'document' : 'list';
}

function isArticleTitleMeta(el: Element): boolean {
  return el.name === 'meta' && el.attribs.name === 'ArticleTitle';
}

/** Finer kind of a page that is not a document, for logs and counts. */
export function navigationKind(url: string, itemCount: number): 'home' | 'channel' | 'list' {
  if (HOME_PATH.test(new URL(url).pathname)) return 'home';
  return itemCount === 0 ? 'channel' : 'list';
}

const SOFT_404 =
  /404|not\s*found|页面不存在|页面未找到|找不到(该|您要的|您访问的)?页面|(页面|信息|文章|内容)已(被)?(删除|撤销|撤下|下线)|访问的页面不存在|无法找到/i;
/** A real document is longer than an error notice; a notice is a sentence or two. */
const SOFT_404_MAX_TEXT = 200;

/**
 * A "soft 404": a 200 answer whose page only says the page is gone. Such a page must neither be
 * archived as a version of the document nor as a new one.
 */
export function looksLikeSoft404(title: string, text: string): boolean {
  if (text.replace(/\s+/g, '').length > SOFT_404_MAX_TEXT) return false;
  return SOFT_404.test(title) || SOFT_404.test(text);
}

/** Mostly unlinked text (300+ characters, under half of it in links). One walk; pages may lack <body>. */
function looksLikeArticle(root: AnyNode): boolean {
  const body = findElement(root, (el) => el.name === 'body') ?? root;
  let total = 0;
  let linked = 0;
  let linkDepth = 0;
  walkDescendants(
    body,
    (node) => {
      if (isText(node)) {
        const chars = node.data.replace(/\s+/g, '').length;
        total += chars;
        if (linkDepth > 0) linked += chars;
        return false;
      }
      if (node.type !== ElementType.Tag) return false;
      if (node.name === 'a') linkDepth++;
      return true;
    },
    (node) => {
      if ((node as Element).name === 'a') linkDepth--;
    },
  );
  return total - linked >= 300 && linked / Math.max(total, 1) < 0.5;
}
