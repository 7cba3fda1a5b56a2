/**
 * The last resort for the main text: a box the template names as the article body (`content`,
 * `article_content`, `zhengwen`, `txt` …) that still holds text after chrome removal, when the
 * density fallback found no prose at all. Short bodies (a few one-line paragraphs, a stub such as
 * `详见附件`, a single file link) stay short; they must not vanish for want of long lines.
 */
import type { AnyNode, Element } from '../dom.js';
import { childNodes, isElement, isText, walkDescendants } from '../dom.js';
import { visibleLength } from '../text.js';

/** Boxes this many deep in one another are not compared (a hostile page names thousands). */
const MAX_CANDIDATES = 64;
const MAX_LINK_SHARE = 0.5;

interface Measured {
  el: Element;
  chars: number;
}

/**
 * Among the named boxes holding text (links to attachments count as text: a body that is one
 * file link is a body), the innermost ones; of those, the first after the page heading (the body
 * follows its headline), else the one with the most text.
 */
export function bestNamedBox(boxes: Element[], root: AnyNode, attachmentLinks: ReadonlySet<Element>, heading: Element | null): Element | null {
  const measured = boxes
    .slice(0, MAX_CANDIDATES)
    .filter((el) => isAttached(el, root))
    .map((el) => measure(el, attachmentLinks))
    .filter((m): m is Measured => m !== null);
  const leaves = measured.filter((m) => !measured.some((other) => other !== m && contains(m.el, other.el)));
  const afterHeading = heading ? leaves.find((m) => follows(heading, m.el)) : undefined;
  if (afterHeading) return afterHeading.el;
  return leaves.reduce<Measured | null>((top, m) => (!top || m.chars > top.chars ? m : top), null)?.el ?? null;
}

/** Visible characters of a box that holds text, mostly outside links; null otherwise. */
function measure(el: Element, attachmentLinks: ReadonlySet<Element>): Measured | null {
  let chars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  const isLink = (node: AnyNode): boolean => (node as Element).name === 'a' && !attachmentLinks.has(node as Element);
  walkDescendants(
    el,
    (node) => {
      if (isText(node)) {
        const n = visibleLength(node.data);
        chars += n;
        if (linkDepth > 0) linkChars += n;
        return false;
      }
      if (!isElement(node)) return false;
      if (isLink(node)) linkDepth++;
      return true;
    },
    (node) => {
      if (isLink(node)) linkDepth--;
    },
  );
  return chars === 0 || linkChars > chars * MAX_LINK_SHARE ? null : { el, chars };
}

function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let node = inner.parent as AnyNode | null; node; node = node.parent as AnyNode | null) if (node === outer) return true;
  return false;
}

/** True when `later` starts after `earlier` in document order (and neither holds the other). */
function follows(earlier: AnyNode, later: AnyNode): boolean {
  const a = chain(earlier);
  const b = chain(later);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === 0 || i === a.length || i === b.length) return false;
  const siblings = childNodes(a[i - 1] as AnyNode);
  return siblings.indexOf(b[i] as never) > siblings.indexOf(a[i] as never);
}

/** The node's ancestors from the root down, and the node. */
function chain(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let n: AnyNode | null = node; n; n = n.parent as AnyNode | null) out.push(n);
  return out.reverse();
}

/** Chrome removal detaches boxes from the tree: those are gone. */
function isAttached(el: AnyNode, root: AnyNode): boolean {
  let node: AnyNode = el;
  while (node.parent) node = node.parent;
  return node === root;
}
