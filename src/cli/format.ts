/** Plain text tables for command output, padded by display width, and terminal-safe text. */
import { randomUUID } from 'node:crypto';
import stringWidth from 'string-width';
import type { SourceCounts } from '../store/runs.js';
import { terminalText } from '../terminal-safe.js';

export { terminalJson, terminalText } from '../terminal-safe.js';

/**
 * A plain text table: columns padded by display width (CJK characters and emoji count as two). Cells are
 * made terminal-safe and kept on one line (tabs and line breaks become spaces).
 */
export function formatTable(header: string[], unsafeRows: string[][]): string {
  const rows = unsafeRows.map((row) => row.map(tableCell));
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatCountsTable(counts: Record<string, SourceCounts>): string {
  const header = ['source', 'pages', 'new', 'updated', 'unchanged', 'not-modified', 'removed', 'errors'];
  const rows = Object.entries(counts).map(([source, c]) =>
    [source, c.pages, c.created, c.updated, c.unchanged, c.notModified, c.removed, c.errors].map(String),
  );
  return formatTable(header, rows);
}

/**
 * Terminal columns a string takes: East Asian wide and fullwidth characters (CJK, including
 * Extension B and beyond) and emoji count as two, combining marks and zero-width characters as none.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

function tableCell(text: string): string {
  return terminalText(text).replace(/[\t\n]/g, ' ');
}

export interface Marks {
  open: string;
  close: string;
}

/** Marks no site can forge (a random token), to be replaced by real ones after the text is made safe. */
export function placeholderMarks(): Marks {
  const token = `\u0000${randomUUID()}`;
  return { open: `${token}<`, close: `${token}>` };
}

/** Text marked with `placeholders`, made terminal-safe, with the placeholders turned into `marks` (e.g. bold red). */
export function markedTerminalText(text: string, placeholders: Marks, marks: Marks): string {
  return text
    .split(placeholders.open)
    .map((part) => part.split(placeholders.close).map(terminalText).join(marks.close))
    .join(marks.open);
}
