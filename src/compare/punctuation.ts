/**
 * CJK punctuation → its ASCII counterpart, so "，" vs "," or "“" vs "\"" never make a new version.
 * NFKC already folds the full-width ASCII block (，：；？！（）); this covers what NFKC keeps.
 */
const PUNCTUATION: Record<string, string> = {
  '。': '.',
  '、': ',',
  '．': '.',
  '｡': '.',
  '､': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '＂': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
  '［': '[',
  '］': ']',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '—': '-',
  '–': '-',
  '―': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '－': '-',
  '…': '...',
  '⋯': '...',
  '·': '.',
  '・': '.',
  '•': '.',
  '‧': '.',
  '～': '~',
  '〜': '~',
};

const PUNCTUATION_PATTERN = new RegExp(
  `[${Object.keys(PUNCTUATION)
    .join('')
    .replace(/[\]\\^-]/g, '\\$&')}]`,
  'gu',
);

export function unifyPunctuation(text: string): string {
  return text.replace(PUNCTUATION_PATTERN, (char) => PUNCTUATION[char] ?? char);
}
