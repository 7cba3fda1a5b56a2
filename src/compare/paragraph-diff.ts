import { diffArrays } from 'diff';
import { comparisonText } from './comparison-text.js';

/** A run of paragraphs (as published) that both versions share, or that one of them adds or drops. */
export interface ParagraphHunk {
  kind: 'same' | 'added' | 'removed';
  paragraphs: string[];
}

interface Paragraph {
  shown: string;
  key: string;
}

/**
 * Paragraph-level diff of two texts. Paragraphs are matched by their comparison form, so a
 * re-typeset paragraph (full-width digits, re-wrapped lines, Traditional characters) is the same
 * paragraph; what is shown is the text as published.
 */
export function diffParagraphs(before: string, after: string): ParagraphHunk[] {
  const changes = diffArrays(paragraphsOf(before), paragraphsOf(after), { comparator: (a, b) => a.key === b.key });
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    paragraphs: change.value.map((paragraph) => paragraph.shown),
  }));
}

function paragraphsOf(text: string): Paragraph[] {
  return text
    .split('\n')
    .map((line) => ({ shown: line.trim(), key: comparisonText(line) }))
    .filter((paragraph) => paragraph.key !== '');
}
