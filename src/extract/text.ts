/** Whitespace a reader does not see as distinct: ASCII space runs, &nbsp;, &ensp;, &emsp;, U+3000 … */
const ANY_SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/** Folds every whitespace run (incl. U+3000 and &nbsp;) to one ASCII space and trims. */
export function foldSpaces(text: string): string {
  return text.replace(ANY_SPACE, ' ').trim();
}

const SOURCE_SPACE = /[ \t\r\n\f\u00a0\u2000-\u200b\ufeff]+/g;
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]+|[\s\u00a0\u2000-\u200b\u3000\ufeff]+$/g;

/**
 * A metadata value as written: source-formatting whitespace (newlines, &nbsp; runs) folded to one
 * space, ends trimmed; inner U+3000 kept, since sites use it as a visible separator (`体育　运动会`).
 */
export function cleanValue(text: string): string {
  return text.replace(SOURCE_SPACE, ' ').replace(EDGE_SPACE, '');
}

/** Removes all whitespace: the form labels and paragraph comparisons use. */
export function stripSpaces(text: string): string {
  return text.replace(ANY_SPACE, '');
}

/** Count of non-space characters. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 0xa0 && code !== 0x3000 && code !== 0xfeff && !(code >= 0x2000 && code <= 0x200b)) count++;
  }
  return count;
}

const SENTENCE_PUNCTUATION = /[，。；！？、,;：]/g;

/** Commas and full stops: long runs of them mark prose rather than menus. */
export function punctuationCount(text: string): number {
  return text.match(SENTENCE_PUNCTUATION)?.length ?? 0;
}
