import type { AnyNode, Element, ParentNode, Text } from 'domhandler';

/**
 * Small helpers over the domhandler tree cheerio builds. The extractor works on raw nodes rather
 * than cheerio selections: one walk over the tree is far cheaper than a selector per field.
 */
export type { AnyNode, Element, ParentNode, Text };

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

export function isComment(node: AnyNode): boolean {
  return node.type === 'comment';
}

export function childNodes(node: AnyNode): AnyNode[] {
  return 'children' in node ? (node as ParentNode).children : [];
}

export function elementChildren(node: AnyNode): Element[] {
  return childNodes(node).filter(isElement);
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** Tags whose start and end break a paragraph. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.name);
}

/** On the walk's stack: the node beneath has had all its children visited. */
const LEAVE: unique symbol = Symbol('leave');

/**
 * Visits the descendants of `parent` depth-first in document order, with an explicit stack rather
 * than recursion: hostile or broken pages nest tens of thousands of elements deep, past the call
 * stack. `enter` returns true to descend into a node's children; `leave` then runs once they are
 * done (so only for nodes entered that can hold children).
 */
export function walkDescendants(parent: AnyNode, enter: (node: AnyNode) => boolean, leave?: (node: AnyNode) => void): void {
  const stack: (AnyNode | typeof LEAVE)[] = [];
  pushChildren(stack, parent);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | typeof LEAVE;
    if (node === LEAVE) {
      leave?.(stack.pop() as AnyNode);
      continue;
    }
    if (!enter(node) || !('children' in node)) continue;
    if (leave) stack.push(node, LEAVE);
    pushChildren(stack, node);
  }
}

/** Children pushed last first, so they pop in document order. */
function pushChildren(stack: (AnyNode | typeof LEAVE)[], node: AnyNode): void {
  const children = childNodes(node);
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
}

/** Concatenated text of a subtree; comments never count (readers don't see them). */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  let out = '';
  walkDescendants(node, (child) => {
    if (!isText(child)) return true;
    out += child.data;
    return false;
  });
  return out;
}

/** Nearest ancestor (not the node itself) with one of the given tag names, within maxDepth steps. */
export function closestAncestor(node: AnyNode, tags: ReadonlySet<string>, maxDepth = 64): Element | null {
  let current = node.parent;
  for (let depth = 0; current && depth < maxDepth; depth++) {
    if (isElement(current as AnyNode) && tags.has((current as Element).name)) return current as Element;
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
  const parent = node.parent as ParentNode | null;
  if (!parent) return;
  const index = parent.children.indexOf(node as never);
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
