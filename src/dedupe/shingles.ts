import { comparisonText } from '../compare/comparison-text.js';

/** Characters per shingle. CJK has no word boundaries, so shingles are character n-grams. */
export const SHINGLE_CHARS = 5;

/**
 * The letters and digits of the comparison text: punctuation and layout say nothing about
 * whether two pages carry the same document, and dropping them makes shingles denser.
 */
export function shingleText(text: string): string {
  return lettersAndDigits(comparisonText(text));
}

/** shingleText of a text already in comparison form. */
export function lettersAndDigits(comparison: string): string {
  return comparison.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The code points of a text, the unit shingles and the length threshold count in. */
export function codePoints(content: string): Uint32Array {
  const codes = new Uint32Array(content.length);
  let count = 0;
  for (const char of content) codes[count++] = char.codePointAt(0)!;
  return codes.subarray(0, count);
}

/** The distinct 32-bit hashes of every SHINGLE_CHARS-character window of the text's code points. */
export function shingleHashes(codes: Uint32Array): Uint32Array {
  const seen = new Set<number>();
  for (let start = 0; start + SHINGLE_CHARS <= codes.length; start++) {
    let hash = 0x811c9dc5; // FNV-1a over the code points of the window
    for (let offset = 0; offset < SHINGLE_CHARS; offset++) hash = Math.imul(hash ^ codes[start + offset]!, 0x01000193);
    seen.add(hash >>> 0);
  }
  return Uint32Array.from(seen);
}
