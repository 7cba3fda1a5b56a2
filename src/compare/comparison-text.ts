import { unifyPunctuation } from './punctuation.js';
import { toSimplified } from './script.js';
import { maskVolatile } from './volatile.js';

/** Zero-width characters CMSes and copy-paste leave behind; NFKC keeps them. */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/gu;

/**
 * The comparison text: what hashing and similarity look at. Stored text stays as published; this
 * form only decides whether two texts are "the same".
 * - NFKC folds full-width letters, digits and ASCII punctuation to their ASCII forms;
 * - remaining CJK punctuation is unified to ASCII (。→. “”→" 《》→<>);
 * - Traditional → Simplified, so a Traditional rendering equals its Simplified original;
 * - view counters and "today is" clocks are masked;
 * - all whitespace is dropped: CJK text has no word spaces and CMSes re-wrap and re-indent freely.
 */
export function comparisonText(text: string): string {
  return foldWhitespace(maskVolatile(toSimplified(unifyPunctuation(text.normalize('NFKC').replace(INVISIBLE, '')))));
}

function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}
