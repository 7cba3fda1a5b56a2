/**
 * The last resort for the main text: a box the template names as the article body (`content`,
 * `article`, `detail`, `zhengwen`, `txt` …) that still holds text after chrome removal, when the
 * density fallback found no prose at all. Short bodies (a few one-line paragraphs) stay short;
 * they must not vanish because no line reached a paragraph's length.
 */
import type { AnyNode, Element } from '../dom.js';
import { isElement, isText, walkDescendants } from '../dom.js';
import { visibleLength } from '../text.js';

/** Boxes this many deep in one another are not compared (a hostile page names thousands). */
const MAX_CANDIDATES = 64;
/** An inner box holding this share of an outer one's text is the tighter choice. */
const INNER_SHARE = 0.8;
const MAX_LINK_SHARE = 0.5;

interface Measured {
  el: Element;
  chars: number;
}

export function bestNamedBox(boxes: Element[], root: AnyNode): Element | null {
  const measured = boxes.slice(0, MAX_CANDIDATES).filter((el) => isAttached(el, root)).map(measure)
    .filter((m): m is Measured => m !== null);
  let best = measured.reduce<Measured | null>((top, m) => (!top || m.chars > top.chars ? m : top), null);
  if (!best) return null;
  for (let inner = tighter(best, measured); inner; inner = tighter(best, measured)) best = inner;
  return best.el;
}

/** A box inside `outer` that holds nearly all of its text. */
function tighter(outer: Measured, all: Measured[]): Measured | null {
  return all.find((m) => m !== outer && m.chars >= outer.chars * INNER_SHARE && contains(outer.el, m.el)) ?? null;
}

/** Visible characters of a box that holds text, mostly outside links; null otherwise. */
function measure(el: Element): Measured | null {
  let chars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  walkDescendants(el, (node) => {
    if (isText(node)) {
      const n = visibleLength(node.data);
      chars += n;
      if (linkDepth > 0) linkChars += n;
      return false;
    }
    if (!isElement(node)) return false;
    if (node.name === 'a') linkDepth++;
    return true;
  }, (node) => {
    if ((node as Element).name === 'a') linkDepth--;
  });
  return chars > 0 && linkChars <= chars * MAX_LINK_SHARE ? { el, chars } : null;
}

function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let node = inner.parent as AnyNode | null; node; node = node.parent as AnyNode | null) if (node === outer) return true;
  return false;
}

/** Chrome removal detaches boxes from the tree: those are gone. */
function isAttached(el: AnyNode, root: AnyNode): boolean {
  let node: AnyNode = el;
  while (node.parent) node = node.parent as AnyNode;
  return node === root;
}
