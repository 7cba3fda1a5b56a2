/**
 * A short excerpt of a text around the first place a search term occurs, with every occurrence
 * marked. Cut here rather than by FTS5's snippet(): the indexes are contentless (the text lives once,
 * in versions), and the bigram index holds bigrams, not the text.
 */
export interface SnippetOptions {
  /** Characters kept before the first match. @default 30 */
  before?: number;
  /** Characters kept in all. @default 120 */
  length?: number;
  /** Mark put before each match. @default "[" */
  open?: string;
  /** Mark put after each match. @default "]" */
  close?: string;
}

export const PLAIN_MARKS = { open: '[', close: ']' } as const;
export const TERMINAL_MARKS = { open: '\u001b[1;31m', close: '\u001b[0m' } as const;

export function snippet(text: string, terms: string[], options: SnippetOptions = {}): string {
  const { before = 30, length = 120, open = PLAIN_MARKS.open, close = PLAIN_MARKS.close } = options;
  const flat = text.replace(/\s+/gu, ' ').trim();
  const pattern = termsPattern(terms);
  const first = pattern ? flat.search(pattern) : -1;
  const chars = [...flat];
  // Work in code points so a cut never splits a surrogate pair.
  const startChar = first < 0 ? 0 : Math.max(0, [...flat.slice(0, first)].length - before);
  const window = chars.slice(startChar, startChar + length).join('');
  const marked = pattern ? window.replace(pattern, (match) => `${open}${match}${close}`) : window;
  return `${startChar > 0 ? '…' : ''}${marked}${startChar + length < chars.length ? '…' : ''}`;
}

/** Whether any term occurs in the text (case-insensitively). */
export function containsAny(text: string, terms: string[]): boolean {
  return termsPattern(terms)?.test(text) ?? false;
}

/** Case-insensitive alternation of the terms, longest first so a longer term wins over its prefix. */
function termsPattern(terms: string[]): RegExp | null {
  const escaped = [...new Set(terms)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return escaped.length ? new RegExp(escaped.join('|'), 'giu') : null;
}

function escapeRegExp(text: string): string {
  // Only syntax characters: with the `u` flag, escaping anything else is itself a syntax error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
