/**
 * How the density fallback scores one paragraph and which container it credits: a <p> (or a div
 * of plain text) its parent, a cell or a div mixing text and blocks itself. Paragraphs are scored
 * by length and punctuation; a page's furniture gives itself away by its vocabulary, so a
 * paragraph of copyright and disclaimer boilerplate counts against its container.
 */
import type { AnyNode, Element } from '../dom.js';
import { isBlock, isElement } from '../dom.js';
import { punctuationCount, visibleLength } from '../text.js';

export interface Credit {
  container: Element;
  score: number;
  /** The table cell the paragraph sits in, if any: its table decides where the credit goes. */
  cell: Element | null;
}

/** Own text shorter than this is a label or a menu item, not a paragraph… */
const MIN_PARAGRAPH = 12;
/** …unless it is a sentence (`特此通知。`): short bodies must not vanish for want of long lines. */
const MIN_SENTENCE = 4;
const SENTENCE_END = /[。！？；!?;]/;
const PARAGRAPH_LIKE = new Set(['p', 'pre', 'blockquote', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'center', 'address']);
const CELLS = new Set(['td', 'th']);

/**
 * The vocabulary of site footers and disclaimers: a paragraph saying it belongs to the page's
 * furniture, however long, and whatever the box is called.
 */
const BOILERPLATE =
  /版权所有|版权声明|免责声明|主办单位|承办单位|主\s*办\s*[:：]|承\s*办\s*[:：]|ICP\s*备|网站标识码|公网安备|联系我们|网站地图|技术支持\s*[:：]|不承担(?:任何)?(?:法律)?责任|Copyright|©/i;
/** A boilerplate line counts against its box at least this much (a short `联系我们` too). */
const BOILERPLATE_PENALTY = 3;

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text);
}

/** The paragraph's score and the container it credits (full) — its parent gets half. Null: no paragraph. */
export function paragraphCredit(el: Element, ownText: string, hasBlockChild: boolean): Credit | null {
  // Inline text counts towards the block that holds it; text lying loose in <body> is debris.
  if (!isBlock(el) || el.name === 'body' || el.name === 'html') return null;
  const length = visibleLength(ownText);
  const boilerplate = BOILERPLATE.test(ownText);
  const isParagraph = length >= MIN_PARAGRAPH || (length >= MIN_SENTENCE && SENTENCE_END.test(ownText));
  if (!isParagraph && !boilerplate) return null;
  const score = 1 + punctuationCount(ownText) + Math.min(Math.floor(length / 100), 3);
  const container = PARAGRAPH_LIKE.has(el.name) || (el.name === 'div' && !hasBlockChild) ? parentElement(el) : el;
  if (!container) return null;
  const cell = CELLS.has(container.name) ? container : null;
  return { container, score: boilerplate ? -Math.max(score, BOILERPLATE_PENALTY) : score, cell };
}

export function parentElement(el: Element): Element | null {
  const parent = el.parent as AnyNode | null;
  return parent && isElement(parent) ? parent : null;
}
