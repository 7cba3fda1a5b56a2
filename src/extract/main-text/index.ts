import { ElementType } from 'domelementtype';
import type { AnyNode, Element } from '../dom.js';
import type { Text } from '../dom.js';
import { classAndId, containsNode, isElement, isText, nextElementSibling, textOf, walkDescendants } from '../dom.js';
import { foldSpaces, stripSpaces } from '../text.js';
import type { PageScan } from '../scan.js';
import { findDenseContent } from './density.js';
import { bestNamedBox } from './named-box.js';
import { cleanLines } from './lines.js';
import { serializeLines } from './serialize.js';

/** Where the article body is, by the strongest signal the page gives. */
export interface ContentLocation {
  roots: AnyNode[];
  begin: AnyNode | null;
  end: AnyNode | null;
  rule: string;
  /** Labels inside are body text, not metadata (a CMS's own body box). */
  holdsOnlyBody?: boolean;
}

/**
 * CMS signals first: Hanweb markers (comments or ContentStart/ContentEnd metas), gov.cn's
 * #UCAP-CONTENT, TRS's .TRS_Editor, then the font-zoom box (#zoom, .fontzoom) templates wrap the
 * article text in so readers can enlarge it. Any text there wins, however short: a known body
 * box must not lose to density thresholds. Null when the template is unknown (density decides).
 */
export function locateMarkedContent(scan: PageScan): ContentLocation | null {
  const { markerBegin: begin, markerEnd: end } = scan;
  if (begin && end) {
    const root = commonAncestor(begin, end);
    if (root) return { roots: [root], begin, end, rule: begin.type === ElementType.Comment ? 'hanweb-markers' : 'meta:ContentStart' };
  }
  const ucap = scan.namedContent.find((el) => /ucap-content/.test(classAndId(el)));
  if (ucap) return { roots: [ucap], begin: null, end: null, rule: 'ucap-content', holdsOnlyBody: true };
  const trs = outermost(scan.namedContent.filter((el) => /trs_u?editor/i.test(el.attribs.class ?? '')));
  if (trs.length > 0) return { roots: trs, begin: null, end: null, rule: 'trs-editor', holdsOnlyBody: true };
  // Some templates put the metadata table inside the zoom box too: its labels stay metadata.
  const zoom = outermost(scan.namedContent.filter((el) => ZOOM_NAMES.test(classAndId(el))));
  if (zoom.length > 0) return { roots: zoom, begin: null, end: null, rule: 'zoom-box' };
  return null;
}

const ZOOM_NAMES = /(?:^|\s)(zoom|fontzoom|zoomcon)(?:\s|$)/;

/**
 * Which texts lie in the marked body: between the markers (one walk over their common ancestor),
 * or inside the CMS body box. Labels there are body text, not metadata.
 */
export function markedBodyTest(marked: ContentLocation | null, body: AnyNode): (text: Text) => boolean {
  if (!marked) return () => false;
  if (marked.begin && marked.end) {
    const inside = textsBetween(marked.roots[0] as AnyNode, marked.begin, marked.end);
    return (text) => inside.has(text);
  }
  if (!marked.holdsOnlyBody) return () => false;
  const roots = marked.roots.filter((root) => root !== body && !isPageWrapper(root));
  return (text) => roots.some((root) => containsNode(root, text));
}

/** A CMS class on <body> or <html> marks the page, not a body box inside it. */
function isPageWrapper(node: AnyNode): boolean {
  return isElement(node) && (node.name === 'body' || node.name === 'html');
}

function textsBetween(root: AnyNode, begin: AnyNode, end: AnyNode): Set<AnyNode> {
  const inside = new Set<AnyNode>();
  let on = false;
  let done = false;
  walkDescendants(root, (child) => {
    if (done) return false;
    if (child === begin) on = true;
    else if (child === end) done = true;
    else if (!isText(child)) return true;
    else if (on) inside.add(child);
    return false;
  });
  return inside;
}

export interface TextOptions {
  skip: ReadonlySet<Element>;
  attachmentLinks: ReadonlySet<Element>;
  /** The page heading the title came from: a body follows it. */
  heading?: Element | null;
  /** The record's title: a body line repeating it first is dropped. */
  title?: string;
}

/**
 * The text kept of one page is capped: a 10 MB page of paragraphs would give 4 million characters,
 * and everything downstream (comparison, duplicate shingles, the search index) costs about 100
 * bytes of memory per character. No disclosure document comes near the cap; the raw page is kept
 * whole either way. A cut text says so in provenance (`textLimit`).
 */
export const MAX_TEXT_CHARS = 1_000_000;

export interface MainText {
  text: string;
  rule: string;
  truncated: boolean;
}

/**
 * The main text from a marked location; else from the density fallback; else from a box the
 * template names as the body (`.content`, `.article` …) when the page has text but no paragraph
 * of a paragraph's length.
 */
export function extractMainText(body: AnyNode, marked: ContentLocation | null, bodyBoxes: Element[], options: TextOptions): MainText {
  if (marked) {
    const rendered = render(marked, options);
    if (stripSpaces(rendered.text).length > 0) return { ...rendered, rule: marked.rule };
  }
  const roots = findDenseContent(body, options.skip);
  if (roots.length === 0) return namedBoxText(body, bodyBoxes, options);
  const credit = creditLineAfter(roots[roots.length - 1] as Element);
  if (credit) roots.push(credit);
  return { ...render({ roots, begin: null, end: null, rule: 'density-fallback' }, options), rule: 'density-fallback' };
}

function namedBoxText(body: AnyNode, bodyBoxes: Element[], options: TextOptions): MainText {
  const box = bestNamedBox(bodyBoxes, body, options.attachmentLinks, options.heading ?? null);
  const rendered = box ? render({ roots: [box], begin: null, end: null, rule: 'named-box' }, options) : null;
  if (!rendered || stripSpaces(rendered.text).length === 0) return { text: '', rule: 'none', truncated: false };
  return { ...rendered, rule: 'named-box' };
}

function render(location: ContentLocation, options: TextOptions): { text: string; truncated: boolean } {
  const { lines, truncated } = serializeLines(location.roots, { ...options, begin: location.begin, end: location.end, maxChars: MAX_TEXT_CHARS });
  return { text: cleanLines(lines, options.title).join('\n'), truncated };
}

/** News sites close the article with the editor's name in a box of its own: `(责编：…)`, `【责任编辑：…】`. */
const CREDIT_LINE = /[\[【(（]\s*(责任编辑|责编|编辑|本文编辑|责任校对)\s*[:：]|^(责任编辑|责编|编辑|本文编辑|责任校对)\s*[:：]/;
const MAX_CREDIT_LENGTH = 40;

function creditLineAfter(last: Element): Element | null {
  let sibling = nextElementSibling(last);
  for (let steps = 0; sibling && steps < 3; steps++, sibling = nextElementSibling(sibling)) {
    const text = foldSpaces(textOf(sibling));
    if (!text) continue;
    return text.length <= MAX_CREDIT_LENGTH && CREDIT_LINE.test(text) ? sibling : null;
  }
  return null;
}

function commonAncestor(a: AnyNode, b: AnyNode): AnyNode | null {
  const chain = new Set<AnyNode>();
  for (let n: AnyNode | null = a.parent; n; n = n.parent as AnyNode | null) chain.add(n);
  for (let n: AnyNode | null = b.parent; n; n = n.parent as AnyNode | null) if (chain.has(n)) return n;
  return null;
}

/** Nested TRS_Editor boxes: keep the outer ones only, in document order. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let n = el.parent as AnyNode | null; n; n = n.parent as AnyNode | null) if (set.has(n as Element)) return false;
    return true;
  });
}
