import { ElementType } from 'domelementtype';
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';
import { childNodes } from '../html/walk.js';

/**
 * Small helpers over the domhandler tree cheerio builds. The extractor works on raw nodes rather
 * than cheerio selections: one walk over the tree is far cheaper than a selector per field.
 */
export type { AnyNode, Element, ParentNode, Text };
export { childNodes, isText, textOf, walkDescendants } from '../html/walk.js';

export function isElement(node: AnyNode): node is Element {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

export function isComment(node: AnyNode): boolean {
  return node.type === ElementType.Comment;
}

export function elementChildren(node: AnyNode): Element[] {
  return childNodes(node).filter(isElement);
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** Tags whose start and end break a paragraph. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.name);
}

/** Elements that end a line of text: blocks and <br>. */
export function breaksLine(el: Element): boolean {
  return el.name === 'br' || isBlock(el);
}

/** Nearest ancestor (not the node itself) with one of the given tag names, within maxDepth steps. */
export function closestAncestor(node: AnyNode, tags: ReadonlySet<string>, maxDepth = 64): Element | null {
  let current = node.parent;
  for (let depth = 0; current && depth < maxDepth; depth++) {
    if (isElement(current) && tags.has(current.name)) return current;
    current = current.parent;
  }
  return null;
}

/** True when `ancestor` is `node` or contains it. */
export function containsNode(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent as AnyNode | null) {
    if (current === ancestor) return true;
  }
  return false;
}

export function nextElementSibling(el: Element): Element | null {
  for (let next = el.next; next; next = next.next) if (isElement(next)) return next;
  return null;
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** The class and id of an element, lower-cased, for chrome and content name checks. */
export function classAndId(el: Element): string {
  const cls = el.attribs.class;
  const id = el.attribs.id;
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}
