import type { SourceCounts } from '../store/runs.js';

/** A plain text table: columns padded by display width (CJK characters count as two). */
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

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
