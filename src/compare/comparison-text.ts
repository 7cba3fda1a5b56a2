/**
 * The comparison text: what hashing and similarity look at. Stored text stays as published;
 * this form only decides whether two texts are "the same". NFKC folds full-width letters, digits
 * and punctuation to their ASCII forms, so a re-typeset page is not a new version; all whitespace
 * is dropped because CJK text has no word spaces and CMSes re-wrap and re-indent freely.
 */
export function comparisonText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}
