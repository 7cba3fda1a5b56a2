import type { AnyNode, Element } from '../dom.js';
import { childNodes, isBlock, isElement, isText } from '../dom.js';
import { foldSpaces, visibleLength } from '../text.js';

/** A paragraph of output text, with how much of it sat inside links. */
export interface Line {
  text: string;
  chars: number;
  linkChars: number;
  /** The line holds a link to an attachment: never drop it as a link list. */
  attachment: boolean;
}

export interface SerializeOptions {
  /** Elements (metadata blocks, chrome) whose text is left out. */
  skip: ReadonlySet<Element>;
  /** Attachment links: lines holding them survive the link-density filter. */
  attachmentLinks: ReadonlySet<Element>;
  /** Hanweb markers: only text between them is emitted. */
  begin?: AnyNode | null;
  end?: AnyNode | null;
}

interface State {
  options: SerializeOptions;
  lines: Line[];
  parts: string[];
  linkChars: number;
  attachment: boolean;
  emitting: boolean;
  done: boolean;
}

/**
 * Turns subtrees into paragraphs: block elements and <br> break lines, whitespace inside a line is
 * folded, empty lines vanish. Comments never count (readers do not see them).
 */
export function serializeLines(roots: AnyNode[], options: SerializeOptions): Line[] {
  const state: State = { options, lines: [], parts: [], linkChars: 0, attachment: false, emitting: !options.begin, done: false };
  for (const root of roots) walk(root, state, false);
  flush(state);
  return state.lines;
}

function walk(node: AnyNode, state: State, inLink: boolean): void {
  if (state.done) return;
  if (node === state.options.begin) { state.emitting = true; return; }
  if (node === state.options.end) { state.done = true; return; }
  if (isText(node)) {
    if (!state.emitting) return;
    state.parts.push(node.data);
    if (inLink) state.linkChars += visibleLength(node.data);
    return;
  }
  if (!isElement(node)) return;
  if (state.options.skip.has(node)) return;
  const breaks = node.name === 'br' || isBlock(node);
  if (breaks) flush(state);
  const link = inLink || node.name === 'a';
  if (state.emitting && state.options.attachmentLinks.has(node)) state.attachment = true;
  for (const child of childNodes(node)) walk(child, state, link);
  if (breaks) flush(state);
}

function flush(state: State): void {
  const text = foldSpaces(state.parts.join(''));
  if (text) state.lines.push({ text, chars: visibleLength(text), linkChars: state.linkChars, attachment: state.attachment });
  state.parts = [];
  state.linkChars = 0;
  state.attachment = false;
}
