import type { Element } from '../dom.js';
import { elementChildren, textOf } from '../dom.js';
import { canonicalLabel, hasInlineCanonicalLabel, isKnownLabel, normalizeLabel } from '../labels.js';
import { cleanValue, visibleLength } from '../text.js';
import { readInlineBlock } from './inline.js';
import type { LabelPair } from './types.js';
import { stripValueChrome } from './values.js';

interface Cell {
  el: Element;
  text: string;
  label: string;
  kind: 'label' | 'inline' | 'value';
}

/** A cell this long is a layout cell holding the page, not a metadata cell. */
const MAX_CELL_LENGTH = 400;
/** Unknown labels are accepted only short and colon-terminated (`公开属性：`). */
const MAX_UNKNOWN_LABEL = 10;

/**
 * Reads a metadata table: label/value rows of 2, 4 or 6 cells (td or th labels), label and value
 * in one cell, and a header row of labels over one row of values.
 */
export function readTable(table: Element): LabelPair[] {
  const rows = rowsOf(table).map(cellsOf);
  const pairs: LabelPair[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const next = rows[r + 1];
    if (next && isColumnHeader(row, next, rows[r + 2])) {
      row.forEach((cell, i) => pairs.push({ label: cell.label, value: stripValueChrome(next[i]?.text ?? ''), rule: 'table:column-header' }));
      r++;
      continue;
    }
    readRow(row, pairs);
  }
  return pairs;
}

function readRow(row: Cell[], pairs: LabelPair[]): void {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i] as Cell;
    if (cell.kind === 'inline') {
      pairs.push(...readInlineBlock(cell.el, 'table:one-cell'));
    } else if (cell.kind === 'label') {
      const valueCell = row[i + 1];
      const hasValue = valueCell !== undefined && valueCell.kind === 'value' && !isKnownLabel(valueCell.label);
      const rule = cell.el.name === 'th' ? 'table:th-td' : 'table:td-td';
      pairs.push({ label: cell.label, value: hasValue ? stripValueChrome(valueCell.text) : '', rule });
      if (hasValue) i++;
    }
  }
}

/** `<tr><th>索引号</th><th>发布机构</th></tr><tr><td>…</td><td>…</td></tr>`, not a list of many rows. */
function isColumnHeader(row: Cell[], next: Cell[], after: Cell[] | undefined): boolean {
  if (row.length < 2 || next.length !== row.length) return false;
  if (!row.every((c) => c.kind === 'label') || !next.every((c) => c.kind === 'value')) return false;
  return !after || after.length !== row.length || !after.every((c) => c.kind === 'value');
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') {
      for (const row of elementChildren(child)) if (row.name === 'tr') rows.push(row);
    }
  }
  return rows;
}

function cellsOf(row: Element): Cell[] {
  return elementChildren(row)
    .filter((el) => el.name === 'td' || el.name === 'th')
    .map((el) => {
      const raw = textOf(el);
      const text = cleanValue(raw);
      const label = normalizeLabel(raw);
      return { el, text, label, kind: classify(el, text, label) };
    });
}

function classify(el: Element, text: string, label: string): Cell['kind'] {
  if (!label || visibleLength(text) > MAX_CELL_LENGTH) return 'value';
  if (canonicalLabel(label)) return 'label';
  const colonEnded = /[:：]$/.test(text);
  if (isKnownLabel(label) && (colonEnded || el.name === 'th')) return 'label';
  if (hasInlineCanonicalLabel(text)) return 'inline';
  const shortLabel = label.length <= MAX_UNKNOWN_LABEL && !/\d/.test(label);
  if (shortLabel && (colonEnded || el.name === 'th')) return 'label';
  return 'value';
}
