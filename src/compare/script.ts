import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional → Simplified, with Taiwan phrase conversion (大資料 → 大数据, 支援 → 支持) so a
 * Traditional rendering of a mainland page compares equal to it. Applied to both sides of every
 * comparison, so it only has to be consistent, not perfect: already-Simplified text passes through
 * almost unchanged. Built on first use (dictionaries take ~20 ms to load).
 */
let converter: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  const convert = (converter ??= Converter({ from: 'twp', to: 'cn' }));
  return convert(text);
}
