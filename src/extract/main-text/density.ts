/**
 * The density fallback: the body of a page from an unknown template, found by where its prose is.
 * Paragraph scores and their containers: credit.ts (boilerplate counts against a box); cells'
 * credits wait for their table: tables.ts (a document laid out as a table is one box).
 */
import type { AnyNode, Element } from '../dom.js';
import { childNodes, closestAncestor, isBlock, isElement, isText, walkDescendants } from '../dom.js';
import { visibleLength } from '../text.js';
import { type Credit, isBoilerplate, paragraphCredit, parentElement } from './credit.js';
import { TableCredits } from './tables.js';

interface Stat {
  chars: number;
  linkChars: number;
  /** Paragraph scores credited to this element as a content container. */
  score: number;
}

/** Below this the page has no prose at all (a list page, a form, an empty template). */
const MIN_CONTENT_SCORE = 3;

/**
 * Every paragraph (an element with enough text of its own) scores by its length and punctuation,
 * credited to the container it sits in and half to the next one up; a container's score is
 * discounted by its link density. The best container wins, joined by siblings that score nearly
 * as well (a winning table: by the box around it, or the prose beside it). One post-order walk:
 * O(nodes).
 */
export function findDenseContent(body: AnyNode, skip: ReadonlySet<Element>): Element[] {
  const stats = new Map<Element, Stat>();
  measure(body, stats, skip);
  let top: Element | null = null;
  let topScore = 0;
  for (const [el, stat] of stats) {
    const final = finalScore(stat);
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (!top || topScore < MIN_CONTENT_SCORE) return [];
  const box = top.name === 'table' ? boxOfTable(top, stats) : null;
  return box ? [box] : withSiblings(top, topScore, stats);
}

/** Share of a box's text a body table must hold for the box to be the body with it. */
const TABLE_SHARE_OF_BOX = 0.6;
const MAX_BOX_LINK_SHARE = 0.1;

/**
 * A body table sits in a box with its preamble and signature (`现将…公示如下：`, the issuing body,
 * the date): when the table is most of that box's text and the box holds no links to speak of
 * and no boilerplate, the box is the body.
 */
function boxOfTable(table: Element, stats: Map<Element, Stat>): Element | null {
  const box = parentElement(table);
  const boxStat = box ? stats.get(box) : undefined;
  const tableStat = stats.get(table);
  if (!box || !boxStat || !tableStat || boxStat.chars === 0) return null;
  const unlinked = boxStat.linkChars <= boxStat.chars * MAX_BOX_LINK_SHARE;
  const mostlyTable = tableStat.chars >= boxStat.chars * TABLE_SHARE_OF_BOX;
  // Half the table's score reaches the box; less means boilerplate counted against it.
  const clean = boxStat.score >= tableStat.score / 2;
  return unlinked && mostlyTable && clean ? box : null;
}

function finalScore(stat: Stat): number {
  if (stat.score === 0 || stat.chars === 0) return 0;
  return stat.score * (1 - stat.linkChars / stat.chars);
}

/** An element whose subtree is being measured: sums of its text so far and its own paragraph text. */
interface Tally {
  el: Element;
  inLink: boolean;
  chars: number;
  linkChars: number;
  /** Text and inline text of the element's non-skipped children: what a paragraph scores on. */
  ownText: string;
  /** Text of all inline descendants (see inlineText), built bottom-up so nested spans cost O(n). */
  inline: string;
  hasBlockChild: boolean;
  /** For a row: its cells holding text. */
  textCells: number;
}

/**
 * Post-order over the non-skipped elements with an explicit stack of open tallies (pages nest
 * deeper than the call stack). Each element is closed, stored and credited in the order a
 * recursive walk would, so ties between equal scores resolve the same way.
 */
function measure(body: AnyNode, stats: Map<Element, Stat>, skip: ReadonlySet<Element>, tables = new TableCredits()): void {
  // The document root: its top elements (<html>, and whatever a page puts after </html>) one by one.
  if (!isElement(body)) {
    for (const child of childNodes(body)) measure(child, stats, skip, tables);
    return;
  }
  if (skip.has(body)) return;
  const open: Tally[] = [openTally(body, false)];
  walkDescendants(
    body,
    (node) => {
      const parent = open[open.length - 1] as Tally;
      if (isText(node)) {
        const chars = visibleLength(node.data);
        parent.chars += chars;
        if (parent.inLink) parent.linkChars += chars;
        parent.ownText += node.data;
        parent.inline += node.data;
        return false;
      }
      if (!isElement(node)) return false;
      if (skip.has(node)) {
        if (isInline(node)) parent.inline += inlineText(node);
        return false;
      }
      if (isBlock(node)) parent.hasBlockChild = true;
      open.push(openTally(node, parent.inLink || node.name === 'a'));
      return true;
    },
    () => {
      const done = open.pop() as Tally;
      const parent = open[open.length - 1] as Tally;
      parent.chars += done.chars;
      parent.linkChars += done.linkChars;
      if (isInline(done.el)) {
        parent.ownText += done.inline;
        parent.inline += done.inline;
      }
      if (CELLS.has(done.el.name) && done.chars > 0) parent.textCells++;
      closeTally(done, stats, tables);
    },
  );
  closeTally(open.pop() as Tally, stats, tables);
}

const CELLS = new Set(['td', 'th']);

function openTally(el: Element, inLink: boolean): Tally {
  return { el, inLink, chars: 0, linkChars: 0, ownText: '', inline: '', hasBlockChild: false, textCells: 0 };
}

function closeTally(tally: Tally, stats: Map<Element, Stat>, tables: TableCredits): void {
  const { el } = tally;
  const paragraph = paragraphCredit(el, tally.ownText, tally.hasBlockChild);
  if (paragraph && !tables.hold(paragraph)) creditParagraph(paragraph, stats);
  if (CELLS.has(el.name)) tables.cellClosed(el, tally.chars);
  if (el.name === 'tr') tables.rowClosed(el, tally.textCells);
  if (el.name === 'table') for (const held of tables.tableClosed(el, tally.chars, tally.linkChars)) creditParagraph(held, stats);
  // Credits come from the element itself and its descendants, all done by now: one without credit
  // is never a candidate. No entry for those keeps the map to the containers (not every <p>);
  // cells keep theirs, since their table hands credits back to them only when it closes.
  const stat = stats.get(el) ?? (CELLS.has(el.name) ? newStat(stats, el) : undefined);
  if (stat) {
    stat.chars = tally.chars;
    stat.linkChars = tally.linkChars;
  }
}

function newStat(stats: Map<Element, Stat>, el: Element): Stat {
  const stat = { chars: 0, linkChars: 0, score: 0 };
  stats.set(el, stat);
  return stat;
}

/** The paragraph's score to its container, half to the container's parent. */
function creditParagraph(paragraph: Credit, stats: Map<Element, Stat>): void {
  credit(paragraph.container, paragraph.score, stats);
  const up = parentElement(paragraph.container);
  if (up) credit(up, paragraph.score / 2, stats);
}

function credit(el: Element, score: number, stats: Map<Element, Stat>): void {
  const stat = stats.get(el);
  if (stat) stat.score += score;
  else stats.set(el, { chars: 0, linkChars: 0, score });
}

/** Inline elements carry paragraph text (spans, fonts); links are not prose. */
function isInline(el: Element): boolean {
  return el.name !== 'a' && !isBlock(el);
}

/** Text of inline descendants, for paragraphs built of spans and fonts (here: of skipped ones). */
function inlineText(el: Element): string {
  let out = '';
  walkDescendants(el, (child) => {
    if (isText(child)) out += child.data;
    return isElement(child) && isInline(child);
  });
  return out;
}

/** Readability's sibling rule: siblings scoring a fifth of the winner belong to the article too. */
function withSiblings(top: Element, topScore: number, stats: Map<Element, Stat>): Element[] {
  const parent = parentElement(top);
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const chosen: Element[] = [];
  for (const child of childNodes(parent)) {
    if (!isElement(child)) continue;
    if (child === top) {
      chosen.push(child);
      continue;
    }
    const stat = stats.get(child);
    if ((stat && finalScore(stat) >= threshold) || (top.name === 'table' && isProseParagraph(child))) chosen.push(child);
  }
  return chosen;
}

const PROSE_TAGS = new Set(['p', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);
const MAX_PROSE_LINK_SHARE = 0.25;

/**
 * A body laid out as a table is introduced and closed by paragraphs beside it (`现将…公示如下：`,
 * the signature): those credit the parent, not the table, and would be lost with the table alone.
 */
function isProseParagraph(el: Element): boolean {
  if (!PROSE_TAGS.has(el.name)) return false;
  let chars = 0;
  let linkChars = 0;
  let ownText = '';
  walkDescendants(el, (node) => {
    if (isText(node)) {
      const n = visibleLength(node.data);
      chars += n;
      if (closestAncestor(node, LINK, 8)) linkChars += n;
      if (ownText.length < 400) ownText += node.data;
      return false;
    }
    return isElement(node);
  });
  return chars > 0 && linkChars <= chars * MAX_PROSE_LINK_SHARE && paragraphCredit(el, ownText, false) !== null && !isBoilerplate(ownText);
}

const LINK = new Set(['a']);
