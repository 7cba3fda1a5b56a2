/**
 * Turns what a user typed into FTS5 MATCH expressions that can never be a syntax error: the input is
 * cut into whitespace-separated terms, and every term reaches FTS5 only inside a double-quoted
 * string (quotes doubled), so `"`, `*`, `OR`, `NEAR(`, `-`, `^`, `:` … are just characters to find.
 * Terms are ANDed. Each term matches as a substring (no word boundaries: Chinese has none).
 */

export interface SearchTerm {
  /** The term as typed. */
  text: string;
  /** Length in characters (code points), not UTF-16 units. */
  chars: number;
}

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
 * One match expression for the bigram indexes, terms ANDed (null when nothing can match): a 1-character term is a prefix query, a
 * 2-character term one token, a longer term the phrase of its overlapping bigrams, which matches
 * exactly where the substring occurs (consecutive tokens at consecutive positions).
 */
export function matchExpression(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map(bigramPart).filter((part): part is string => part !== null);
  // A term made only of separators (a lone "-" or "*") cannot be in the bigram index: nothing matches.
  if (parts.length < terms.length) return null;
  return parts.join(' AND ');
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
