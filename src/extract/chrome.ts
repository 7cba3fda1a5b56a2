import type { AnyNode, Element, ParentNode } from './dom.js';
import { classAndId, containsNode, isElement, isText, removeNode, textOf, walkDescendants } from './dom.js';
import { visibleLength } from './text.js';

const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'menu']);
/** A form this size, or holding a sentence, is a page-wide wrapper (ASP.NET WebForms pages sit in one). */
const MAX_CHROME_FORM = 200;

/**
 * Class and id words that name page furniture: navigation, breadcrumbs, sidebars, share/print
 * tools, prev/next links, comments, footers, ads, QR codes. Matched as whole words, so `inside`
 * is not `side` and `content` is not `con`.
 */
const CHROME_NAMES = new RegExp(
  '(?:^|[^a-z])(' +
    [
      'nav\\w*',
      'menu\\w*',
      'breadcrumbs?',
      'crumbs?',
      'bread\\w*',
      'location',
      'position',
      'weizhi',
      'dqwz',
      'sidebar',
      'side',
      'sider',
      'aside',
      'footer',
      'foot',
      'bottom',
      'copyright',
      'banquan',
      'share\\w*',
      'bdshare\\w*',
      'fenxiang',
      'jiathis',
      'social',
      'print',
      'dayin',
      'tools?',
      'toolbar',
      'comments?',
      'pinglun',
      'respond',
      'reply',
      'related',
      'relate',
      'xgwz',
      'xgxw',
      'xglj',
      'recommend\\w*',
      'hot\\w*',
      'rank\\w*',
      'pager',
      'pagination',
      'prev',
      'next',
      'prenext',
      'updown',
      'shangxia',
      'login',
      'search',
      'header',
      'head',
      'topbar',
      'ads?',
      'advert\\w*',
      'banner',
      'qrcode',
      'erweima',
      'ewm',
    ].join('|') +
    ')(?=[^a-z]|$)',
);

/** Comment sections are chrome however long they are. */
const ALWAYS_CHROME = /(?:^|[^a-z])(comments?|pinglun|respond|reply)(?=[^a-z]|$)/;

/** Prose this long with few links is never chrome, whatever the template calls its box. */
const MAX_CHROME_PROSE = 400;

/**
 * Removes page furniture from the tree. `protect` (the article body when a CMS marked it) and its
 * ancestors are never removed. Called after title, dates, metadata and attachments are read.
 */
export function removeChrome(root: ParentNode, protect: AnyNode | null): void {
  const doomed: Element[] = [];
  collect(root, protect, doomed);
  for (const el of doomed) removeNode(el);
}

function collect(root: AnyNode, protect: AnyNode | null, doomed: Element[]): void {
  walkDescendants(root, (child) => {
    if (!isElement(child)) return false;
    if (!isChrome(child, protect)) return true;
    doomed.push(child);
    return false;
  });
}

function isChrome(el: Element, protect: AnyNode | null): boolean {
  if (el.name === 'form') return !(protect && containsNode(el, protect)) && isSmallForm(el);
  const names = classAndId(el);
  const byTag = CHROME_TAGS.has(el.name);
  if (!byTag && !(names && CHROME_NAMES.test(names))) return false;
  if (protect && containsNode(el, protect)) return false;
  if (names && ALWAYS_CHROME.test(names)) return true;
  return !isProse(el);
}

/** Enough unlinked text to be part of the article rather than a box of links or buttons. */
function isProse(el: Element): boolean {
  const counts = countChars(el);
  return counts.chars - counts.linkChars > MAX_CHROME_PROSE && counts.linkChars < counts.chars / 2;
}

/** A search or comment box: little text and no sentence in it. */
function isSmallForm(el: Element): boolean {
  const text = textOf(el);
  return visibleLength(text) < MAX_CHROME_FORM && !text.includes('。');
}

/** Visible characters in the subtree, and how many of them sit inside links. */
function countChars(el: Element): { chars: number; linkChars: number } {
  const counts = { chars: 0, linkChars: 0 };
  let linkDepth = el.name === 'a' ? 1 : 0;
  walkDescendants(
    el,
    (node) => {
      if (isText(node)) {
        const n = visibleLength(node.data);
        counts.chars += n;
        if (linkDepth > 0) counts.linkChars += n;
        return false;
      }
      if (!isElement(node)) return false;
      if (node.name === 'a') linkDepth++;
      return true;
    },
    (node) => {
      if ((node as Element).name === 'a') linkDepth--;
    },
  );
  return counts;
}
