import type { ParagraphHunk } from './paragraph-diff.js';

export interface DiffStyle {
  removed: (text: string) => string;
  added: (text: string) => string;
  faint: (text: string) => string;
}

const PLAIN: DiffStyle = { removed: (text) => text, added: (text) => text, faint: (text) => text };

/** ANSI colours, for a terminal only (never in a pipe or when NO_COLOR is set). */
export const COLOURS: DiffStyle = {
  removed: (text) => `\u001b[31m${text}\u001b[39m`,
  added: (text) => `\u001b[32m${text}\u001b[39m`,
  faint: (text) => `\u001b[2m${text}\u001b[22m`,
};

export function diffStyleFor(stream: NodeJS.WritableStream, env = process.env): DiffStyle {
  return (stream as { isTTY?: boolean }).isTTY && !env.NO_COLOR ? COLOURS : PLAIN;
}

/** Unchanged runs longer than this are folded to their first and last paragraph. */
const CONTEXT = 1;

/**
 * Paragraph diff lines: "- " removed, "+ " added, "  " unchanged context (one paragraph either side
 * of a change; longer unchanged runs fold to "  … N unchanged paragraphs").
 */
export function renderParagraphDiff(hunks: ParagraphHunk[], style: DiffStyle = PLAIN): string[] {
  const lines: string[] = [];
  hunks.forEach((hunk, index) => {
    if (hunk.kind === 'removed') lines.push(...hunk.paragraphs.map((p) => style.removed(`- ${p}`)));
    else if (hunk.kind === 'added') lines.push(...hunk.paragraphs.map((p) => style.added(`+ ${p}`)));
    else lines.push(...contextLines(hunk.paragraphs, index > 0, index < hunks.length - 1, style));
  });
  return lines;
}

function contextLines(paragraphs: string[], afterChange: boolean, beforeChange: boolean, style: DiffStyle): string[] {
  const head = afterChange ? paragraphs.slice(0, CONTEXT) : [];
  const tail = beforeChange ? paragraphs.slice(Math.max(head.length, paragraphs.length - CONTEXT)) : [];
  const folded = paragraphs.length - head.length - tail.length;
  const fold = folded > 0 ? [style.faint(`  … ${folded} unchanged paragraph${folded === 1 ? '' : 's'}`)] : [];
  return [...head.map((p) => `  ${p}`), ...fold, ...tail.map((p) => `  ${p}`)];
}
