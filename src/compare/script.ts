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
const convertsAlone = new Map<string, boolean>();

export function toSimplified(text: string): string {
  // opencc-js's typings import './core' without an extension, which NodeNext cannot follow: the
  // converter's type is restated here.
  const convert = (converter ??= Converter({ from: 'twp', to: 'cn' }) as Convert);
  return hasTraditionalCharacter(text, convert) ? convert(text) : text;
}

function hasTraditionalCharacter(text: string, convert: (text: string) => string): boolean {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x2e80) continue; // below the CJK blocks nothing converts
    let converts = convertsAlone.get(char);
    if (converts === undefined) {
      converts = convert(char) !== char;
      convertsAlone.set(char, converts);
    }
    if (converts) return true;
  }
  return false;
}
