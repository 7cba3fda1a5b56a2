import type { AnyNode, Element } from '../dom.js';
import { breaksLine, isElement, isText, walkDescendants } from '../dom.js';
import { foldSpaces, visibleLength } from '../text.js';

/** A paragraph of output text, with how much of it sat inside links. */
export interface Line {
  text: string;
  chars: number;
  linkChars: number;
  /** The line holds a link to an attachment: never drop it as a link list. */
  attachment: boolean;
  /** Left-out text (a metadata line, the heading) lay between this line and the one before. */
  afterSkipped: boolean;
}

export interface SerializeOptions {
  /** Elements (metadata blocks, chrome) whose text is left out. */
  skip: ReadonlySet<Element>;
  /** Attachment links: lines holding them survive the link-density filter. */
  attachmentLinks: ReadonlySet<Element>;
  /** Hanweb markers: only text between them is emitted. */
  begin?: AnyNode | null;
  end?: AnyNode | null;
  /** Stop after this many visible characters (a whole paragraph more at most). */
  maxChars?: number;
}

export interface Serialized {
  lines: Line[];
  /** True when maxChars stopped the walk before the end. */
  truncated: boolean;
}

interface State {
  options: SerializeOptions;
  lines: Line[];
  parts: string[];
  linkChars: number;
  attachment: boolean;
  emitting: boolean;
  done: boolean;
  skipped: boolean;
  chars: number;
  truncated: boolean;
  /** Open <a> elements around the current node: text inside counts as link text. */
  linkDepth: number;
}

/** Table cells: a row is one line, its cells set apart by a space (a table read row by row). */
const CELLS = new Set(['td', 'th']);

/**
 * Turns subtrees into paragraphs: block elements and <br> break lines (table rows, not cells),
 * whitespace inside a line is folded, empty lines vanish. Comments never count (readers do not
 * see them).
 */
export function serializeLines(roots: AnyNode[], options: SerializeOptions): Serialized {
  const state: State = {
    options,
    lines: [],
    parts: [],
    linkChars: 0,
    attachment: false,
    emitting: !options.begin,
    done: false,
    skipped: false,
    chars: 0,
    truncated: false,
    linkDepth: 0,
  };
  for (const root of roots) walk(root, state);
  flush(state);
  return { lines: state.lines, truncated: state.truncated };
}

/** A root and its subtree in document order, with an explicit stack (pages nest past the call stack). */
function walk(root: AnyNode, state: State): void {
  if (!enter(root, state)) return;
  walkDescendants(
    root,
    (node) => enter(node, state),
    (node) => leave(node as Element, state),
  );
  leave(root as Element, state);
}

/** Emits a text node or opens an element; true when the element's children are to be walked. */
function enter(node: AnyNode, state: State): boolean {
  if (state.done) return false;
  if (node === state.options.begin) {
    state.emitting = true;
    return false;
  }
  if (node === state.options.end) {
    state.done = true;
    return false;
  }
  if (isText(node)) {
    if (!state.emitting) return false;
    state.parts.push(node.data);
    if (state.linkDepth > 0) state.linkChars += visibleLength(node.data);
    return false;
  }
  if (!isElement(node)) return false;
  if (state.options.skip.has(node)) {
    flush(state);
    if (state.lines.length > 0) state.skipped = true;
    return false;
  }
  if (CELLS.has(node.name)) state.parts.push(' ');
  else if (breaksLine(node) && !isSoleBlockOfCell(node)) flush(state);
  if (node.name === 'a') state.linkDepth++;
  if (state.emitting && state.options.attachmentLinks.has(node)) state.attachment = true;
  return true;
}

/** Closes an element opened by `enter`, after its children (even once the end marker is passed). */
function leave(el: Element, state: State): void {
  if (el.name === 'a') state.linkDepth--;
  if (CELLS.has(el.name)) state.parts.push(' ');
  else if (breaksLine(el) && !isSoleBlockOfCell(el)) flush(state);
}

/** `<td><p>…</p></td>`, as word processors write every cell: the paragraph is the cell, on its row's line. */
function isSoleBlockOfCell(el: Element): boolean {
  const cell = el.parent as AnyNode | null;
  if (!cell || !isElement(cell) || !CELLS.has(cell.name) || el.name === 'br') return false;
  let elements = 0;
  for (const child of cell.children) if (isElement(child) && ++elements > 1) return false;
  return true;
}

function flush(state: State): void {
  const text = foldSpaces(state.parts.join(''));
  if (text) {
    const chars = visibleLength(text);
    state.lines.push({ text, chars, linkChars: state.linkChars, attachment: state.attachment, afterSkipped: state.skipped });
    state.skipped = false;
    state.chars += chars;
    if (state.options.maxChars !== undefined && state.chars >= state.options.maxChars && !state.done) {
      state.done = true;
      state.truncated = true;
    }
  }
  state.parts = [];
  state.linkChars = 0;
  state.attachment = false;
}
