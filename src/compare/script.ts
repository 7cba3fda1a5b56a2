/**
 * Traditional → Simplified, with Taiwan phrase conversion (大資料 → 大数据, 支援 → 支持) so a
 * Traditional rendering of a mainland page compares equal to it. Applied to both sides of every
 * comparison, so it only has to be consistent, not perfect. Built on first use (dictionaries take
 * ~20 ms to load).
 *
 * Phrase conversion costs ~1 ms per 6,000 characters and almost every page is already Simplified,
 * so a text is converted only when it holds a character that converts on its own; which characters
 * do is learnt once per character and remembered.
 */
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let converter: Convert | undefined;
/** Per BMP code unit: 0 not yet asked, 1 stays as it is, 2 converts (a typed array: ~5× faster than a Map). */
const bmpConverts = new Uint8Array(0x10000);
/** Characters beyond the BMP (rare: CJK extension B and up), by character. */
const astralConverts = new Map<string, boolean>();

export function toSimplified(text: string): string {
  // opencc-js's typings import './core' without an extension, which NodeNext cannot follow: the
  // converter's type is restated here.
  const convert = (converter ??= Converter({ from: 'twp', to: 'cn' }) as Convert);
  return hasTraditionalCharacter(text, convert) ? convert(text) : text;
}

function hasTraditionalCharacter(text: string, convert: Convert): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x2e80) continue; // below the CJK blocks nothing converts
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      if (char.length === 2) i++;
      if (astralConverts.get(char) ?? learn(astralConverts, char, convert)) return true;
      continue;
    }
    let known = bmpConverts[unit]!;
    if (known === 0) known = bmpConverts[unit] = convert(String.fromCharCode(unit)) === String.fromCharCode(unit) ? 1 : 2;
    if (known === 2) return true;
  }
  return false;
}

function learn(known: Map<string, boolean>, char: string, convert: Convert): boolean {
  const converts = convert(char) !== char;
  known.set(char, converts);
  return converts;
}
