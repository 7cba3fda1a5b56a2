/**
 * The paragraph diff as rows for HTML, from the same hunks and folding the CLI's `diff` prints
 * (src/compare/render-diff.ts). The lines are tagged through a DiffStyle with a random token no
 * text can contain, so a paragraph that happens to start with "- " or "… 3 unchanged" is never taken
 * for a mark.
 */
import { diffParagraphs } from '../../compare/paragraph-diff.js';
import { renderParagraphDiff, type DiffStyle } from '../../compare/render-diff.js';

export type LineKind = 'same' | 'del' | 'add' | 'fold';

export interface DiffLine {
  kind: LineKind;
  text: string;
}

/** Inline diff lines (prefix marks removed): removed, added, context and folded runs. */
export function inlineDiff(before: string, after: string): DiffLine[] {
  const token = `\u0000${crypto.randomUUID()}`;
  const tag =
    (kind: LineKind): ((text: string) => string) =>
    (text) =>
      `${token}${kind}|${text}`;
  const style: DiffStyle = { removed: tag('del'), added: tag('add'), faint: tag('fold') };
  return renderParagraphDiff(diffParagraphs(before, after), style).map((line): DiffLine => {
    if (!line.startsWith(token)) return { kind: 'same', text: line.slice(2) };
    const bar = line.indexOf('|', token.length);
    const kind = line.slice(token.length, bar) as LineKind;
    // "- ", "+ " and the fold's two spaces are the terminal's marks; the HTML marks with colour.
    return { kind, text: line.slice(bar + 1).slice(2) };
  });
}

export interface SideBySideRow {
  left: DiffLine | null;
  right: DiffLine | null;
}

/**
 * Side-by-side rows: unchanged and folded lines on both sides; a run of removed paragraphs faces the
 * run of added ones that follows it (an edited paragraph sits beside its new wording).
 */
export function sideBySide(lines: DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.kind === 'same' || line.kind === 'fold') {
      rows.push({ left: line, right: line });
      index += 1;
      continue;
    }
    const removed = takeRun(lines, index, 'del');
    const added = takeRun(lines, index + removed.length, 'add');
    for (let row = 0; row < Math.max(removed.length, added.length); row++) rows.push({ left: removed[row] ?? null, right: added[row] ?? null });
    index += removed.length + added.length;
  }
  return rows;
}

function takeRun(lines: DiffLine[], from: number, kind: LineKind): DiffLine[] {
  const run: DiffLine[] = [];
  for (let index = from; lines[index]?.kind === kind; index++) run.push(lines[index]!);
  return run;
}
