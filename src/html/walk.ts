import { ElementType } from 'domelementtype';
import type { AnyNode, Element, Text } from 'domhandler';

/**
 * Iterative walks over the domhandler tree cheerio builds, shared by the stages that read pages
 * (discover, extract). Never recursive: hostile or broken pages nest tens of thousands of elements
 * deep, past the call stack (cheerio's own .text() recurses and overflows there).
 */

export function isText(node: AnyNode): node is Text {
  return node.type === ElementType.Text;
}

export function childNodes(node: AnyNode): AnyNode[] {
  return 'children' in node ? node.children : [];
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

/** The first element in document order that passes `test` (one walk, stopped at the match). */
export function findElement(root: AnyNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkDescendants(root, (node) => {
    if (found || node.type !== ElementType.Tag) return false;
    if (test(node)) found = node;
    return found === null;
  });
  return found;
}
