/**
 * Everything list discovery reads from a page, gathered in one walk over the tree: the links with
 * their text and list entry, `<base href>`, `<link rel="next">`, and the inline scripts. One pass,
 * O(nodes): a selector per link (closest(), find()) cost about a second per 100,000 links, and a
 * text walk per link is quadratic when links nest.
 */
import { ElementType } from 'domelementtype';
import type { AnyNode, Element } from 'domhandler';
import { isText, textOf, walkDescendants } from '../html/walk.js';

/** A link as discovery sees it, in document order. */
export interface PageLink {
  href: string;
  /** Trimmed text; empty for a link whose subtree is too big to be a link label. */
  text: string;
  rel: string;
  className: string;
  title: string | undefined;
  /** `alt` of the first image inside the link that has one. */
  imageAlt: string | undefined;
  /**
   * The link's list entry (the nearest li, tr or dd, else its parent when that holds no other
   * link) passes the caller's entry test. False without an entry, or when the entry is too big to
   * be one item of a list.
   */
  inEntry: boolean;
}

export interface PageLinks {
  links: PageLink[];
  baseHref: string | null;
  nextHrefs: string[];
  scripts: string;
}

const ENTRY_TAGS = new Set(['li', 'tr', 'dd']);
/** Longer "entries" are layout blocks, not list items: their text is not read. */
const MAX_ENTRY_CHARS = 400;
/** Entries or links with more nodes than this are layout blocks too (and not walked for text). */
const MAX_ENTRY_NODES = 2000;

/** An element being walked: what its subtree holds so far. */
interface Open {
  node: AnyNode;
  chars: number;
  nodes: number;
  /** `<a>` elements below it. */
  anchors: number;
  imageAlt: string | undefined;
  /** The link this element is. */
  link: PageLink | null;
  /** Links whose nearest li/tr/dd this is (allocated on the first). */
  entryLinks: PageLink[] | null;
  /** Links directly inside it and in no li/tr/dd. */
  childLinks: PageLink[] | null;
}

/** What makes a list entry an item: its text (at most MAX_ENTRY_CHARS) shows a date, say. */
export type EntryTest = (text: string) => boolean;

export function readPageLinks(root: AnyNode, entryTest: EntryTest): PageLinks {
  const out: PageLinks = { links: [], baseHref: null, nextHrefs: [], scripts: '' };
  const scripts: string[] = [];
  const open: Open[] = [opened(root)];
  const entries: Open[] = [];
  walkDescendants(
    root,
    (node) => {
      const parent = open[open.length - 1] as Open;
      parent.nodes++;
      if (isText(node)) {
        parent.chars += node.data.length;
        return false;
      }
      if (node.type !== ElementType.Tag && node.type !== ElementType.Script) return false;
      const el = node;
      if (el.name === 'script') {
        if (el.attribs.src === undefined) scripts.push(textOf(el));
        return false;
      }
      const state = opened(el);
      noteElement(el, state, out, parent);
      if (state.link) {
        const entry = entries[entries.length - 1];
        if (entry) (entry.entryLinks ??= []).push(state.link);
        else (parent.childLinks ??= []).push(state.link);
      }
      if (ENTRY_TAGS.has(el.name)) entries.push(state);
      open.push(state);
      return true;
    },
    () => {
      const done = open.pop() as Open;
      if (entries[entries.length - 1] === done) entries.pop();
      close(done, open[open.length - 1] as Open, entryTest);
    },
  );
  settle(open[0] as Open, entryTest);
  out.scripts = scripts.join('\n');
  return out;
}

function opened(node: AnyNode): Open {
  return { node, chars: 0, nodes: 0, anchors: 0, imageAlt: undefined, link: null, entryLinks: null, childLinks: null };
}

function noteElement(el: Element, state: Open, out: PageLinks, parent: Open): void {
  const { attribs } = el;
  if (el.name === 'base' && out.baseHref === null && attribs.href !== undefined) out.baseHref = attribs.href;
  else if (el.name === 'link' && attribs.rel === 'next' && attribs.href !== undefined) out.nextHrefs.push(attribs.href);
  else if (el.name === 'img' && attribs.alt !== undefined && parent.imageAlt === undefined) parent.imageAlt = attribs.alt;
  if ((el.name !== 'a' && el.name !== 'area') || attribs.href === undefined) return;
  state.link = {
    href: attribs.href,
    text: '',
    rel: attribs.rel ?? '',
    className: attribs.class ?? '',
    title: attribs.title,
    imageAlt: undefined,
    inEntry: false,
  };
  out.links.push(state.link);
}

/** Sums the finished element into its parent and settles what waited for its whole subtree. */
function close(done: Open, parent: Open, entryTest: EntryTest): void {
  parent.chars += done.chars;
  parent.nodes += done.nodes;
  parent.anchors += done.anchors + ((done.node as Element).name === 'a' ? 1 : 0);
  if (parent.imageAlt === undefined) parent.imageAlt = done.imageAlt;
  if (done.link) {
    done.link.text = isSmall(done) ? textOf(done.node).trim() : '';
    done.link.imageAlt = done.imageAlt;
  }
  settle(done, entryTest);
}

function settle(state: Open, entryTest: EntryTest): void {
  // `<p><a/> 2024-01-02</p>`: a parent is an entry only for its one link.
  const links = [...(state.entryLinks ?? []), ...(state.anchors === 1 ? (state.childLinks ?? []) : [])];
  if (links.length === 0 || !isSmall(state)) return;
  const passes = entryTest(textOf(state.node));
  for (const link of links) link.inEntry = passes;
}

function isSmall(state: Open): boolean {
  return state.chars <= MAX_ENTRY_CHARS && state.nodes <= MAX_ENTRY_NODES;
}
