/** Plain text tables for command output, padded by display width. */
import stringWidth from 'string-width';
import type { SourceCounts } from '../store/runs.js';

/** A plain text table: columns padded by display width (CJK characters and emoji count as two). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatCountsTable(counts: Record<string, SourceCounts>): string {
  const header = ['source', 'pages', 'new', 'updated', 'unchanged', 'not-modified', 'removed', 'errors'];
  const rows = Object.entries(counts).map(([source, c]) =>
    [source, c.pages, c.created, c.updated, c.unchanged, c.notModified, c.removed, c.errors].map(String));
  return formatTable(header, rows);
}

/**
 * Terminal columns a string takes: East Asian wide and fullwidth characters (CJK, including
 * Extension B and beyond) and emoji count as two, combining marks and zero-width characters as none.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
