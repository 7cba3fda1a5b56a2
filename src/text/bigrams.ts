/**
 * The bigram index's tokens for a text: the pair of characters (code points) starting at every
 * position, the last one alone, space-separated ("双减工作" → "双减 减工 工作 作"). Every character
 * starts a token, so a 1-character query is a prefix query on this index.
 */
export function indexBigrams(text: string): string {
  const chars = [...text];
  const tokens = new Array<string>(chars.length);
  for (let i = 0; i < chars.length; i++) tokens[i] = chars[i]! + (chars[i + 1] ?? '');
  return tokens.join(' ');
}
