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

/** The code points of a text, the unit shingles and the length threshold count in (a lone surrogate counts as one). */
export function codePoints(content: string): Uint32Array {
  const codes = new Uint32Array(content.length);
  let count = 0;
  for (let i = 0; i < content.length; i++) {
    const unit = content.charCodeAt(i);
    const next = unit >= 0xd800 && unit <= 0xdbff ? content.charCodeAt(i + 1) : NaN; // NaN past the end
    if (next >= 0xdc00 && next <= 0xdfff) {
      codes[count++] = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      i++;
    } else codes[count++] = unit;
  }
  return codes.subarray(0, count);
}

/**
 * The distinct 32-bit hashes of every SHINGLE_CHARS-character window of the text's code points, in
 * ascending order. Sorting a typed array and dropping repeats is ~3× faster than a Set, and MinHash
 * does not depend on the order.
 */
export function shingleHashes(codes: Uint32Array): Uint32Array {
  const windows = Math.max(0, codes.length - SHINGLE_CHARS + 1);
  const hashes = new Uint32Array(windows);
  for (let start = 0; start < windows; start++) {
    let hash = 0x811c9dc5; // FNV-1a over the code points of the window
    for (let offset = 0; offset < SHINGLE_CHARS; offset++) hash = Math.imul(hash ^ codes[start + offset]!, 0x01000193);
    hashes[start] = hash;
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < windows; i++) if (i === 0 || hashes[i] !== hashes[distinct - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.subarray(0, distinct);
}
