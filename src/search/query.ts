/**
 * Turns what a user typed into FTS5 MATCH expressions that can never be a syntax error: the input is
 * cut into whitespace-separated terms, and every term reaches FTS5 only inside a double-quoted
 * string (quotes doubled), so `"`, `*`, `OR`, `NEAR(`, `-`, `^`, `:` … are just characters to find.
 * Terms are ANDed. Each term matches as a substring (no word boundaries: Chinese has none).
 */

/** Terms shorter than this are invisible to the trigram index. */
export const TRIGRAM_MIN_CHARS = 3;

export interface SearchTerm {
  /** The term as typed. */
  text: string;
  /** Length in characters (code points), not UTF-16 units. */
  chars: number;
}

export type MatchPlan = { index: 'trigram'; match: string } | { index: 'bigram'; match: string } | { index: 'none' };

const WHITESPACE = /[\s\u3000]+/u;
/** What unicode61 keeps as token characters: anything else is a separator, never found alone. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}\p{M}]/u;

/** Control characters (NUL ends an FTS5 string early) separate terms like spaces do. */
const CONTROL = /\p{Cc}/gu;

export function parseTerms(raw: string): SearchTerm[] {
  return raw
    .replace(CONTROL, ' ')
    .split(WHITESPACE)
    .filter(Boolean)
    .map((text) => ({ text, chars: [...text].length }));
}

/**
 * All terms of 3+ characters: the trigram index answers exactly. Any shorter term: the bigram
 * index answers the whole query (longer terms become phrases of their bigrams, which match exactly
 * where the substring occurs), so one index ranks all the terms together.
 */
export function planMatch(terms: SearchTerm[]): MatchPlan {
  if (terms.length === 0) return { index: 'none' };
  if (terms.every((term) => term.chars >= TRIGRAM_MIN_CHARS)) {
    return { index: 'trigram', match: terms.map((term) => quote(term.text)).join(' AND ') };
  }
  const parts = terms.map(bigramPart).filter((part): part is string => part !== null);
  // A term made only of separators (a lone "-" or "*") cannot be in the bigram index: nothing matches.
  if (parts.length < terms.length) return { index: 'none' };
  return { index: 'bigram', match: parts.join(' AND ') };
}

function bigramPart(term: SearchTerm): string | null {
  if (!TOKEN_CHAR.test(term.text)) return null;
  if (term.chars === 1) return `${quote(term.text)}*`;
  if (term.chars === 2) return quote(term.text);
  return quote(bigrams(term.text));
}

/** "政策文件" → "政策 策文 文件": the tokens the bigram index holds for that substring, in order. */
export function bigrams(text: string): string {
  const chars = [...text];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs.join(' ');
}

/** An FTS5 string literal: the only place user text enters a MATCH expression. */
export function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
