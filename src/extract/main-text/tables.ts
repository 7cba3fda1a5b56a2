/**
 * Credits of paragraphs in table cells, held until their table closes. A table whose text is
 * spread over its rows (rows of several cells with text, or many rows none of which dominates)
 * with few links is a document laid out as a table (a penalty decision, an inspection list, a
 * bidding notice): one box, so it is found whole, from its first row. A layout table, the page in
 * cells with one cell holding the article, passes the credits back: each cell is a box of its own.
 */
import type { AnyNode, Element } from '../dom.js';
import { isElement } from '../dom.js';
import type { Credit } from './credit.js';

/** How far up from a cell or row its table is looked for (td → tr → tbody/thead → table). */
const STEPS_TO_TABLE = 3;
/** Rows with two or more cells of text that make a data table. */
const MIN_DATA_ROWS = 2;
/** Or this many rows with text, no cell holding more than MAX_CELL_SHARE of the table's text. */
const MIN_TEXT_ROWS = 3;
const MAX_CELL_SHARE = 0.6;
const MAX_DATA_LINK_SHARE = 0.2;

interface TableShape {
  /** Rows with two or more cells holding text. */
  dataRows: number;
  /** Rows with any text. */
  textRows: number;
  /** Text of the table's fullest cell. */
  maxCellChars: number;
}

export class TableCredits {
  private readonly pending = new Map<Element, Credit[]>();
  private readonly shapes = new Map<Element, TableShape>();

  /** Keeps a cell's credit for its table; false when the cell is in no table (credit it now). */
  hold(credit: Credit): boolean {
    const table = credit.cell ? tableAbove(credit.cell) : null;
    if (!table) return false;
    const held = this.pending.get(table);
    if (held) held.push(credit);
    else this.pending.set(table, [credit]);
    return true;
  }

  cellClosed(cell: Element, chars: number): void {
    const shape = this.shapeOf(tableAbove(cell));
    if (shape) shape.maxCellChars = Math.max(shape.maxCellChars, chars);
  }

  /** A row closed with this many cells holding text. */
  rowClosed(row: Element, textCells: number): void {
    const shape = this.shapeOf(tableAbove(row));
    if (!shape || textCells === 0) return;
    shape.textRows++;
    if (textCells >= 2) shape.dataRows++;
  }

  /** The credits to give now that `table` closed: to the table as one box, or back to its cells. */
  tableClosed(table: Element, chars: number, linkChars: number): Credit[] {
    const held = this.pending.get(table) ?? [];
    const shape = this.shapes.get(table);
    this.pending.delete(table);
    this.shapes.delete(table);
    if (held.length === 0 || !shape) return held;
    const spread = shape.dataRows >= MIN_DATA_ROWS || (shape.textRows >= MIN_TEXT_ROWS && shape.maxCellChars <= chars * MAX_CELL_SHARE);
    if (!spread || linkChars > chars * MAX_DATA_LINK_SHARE) return held;
    return [{ container: table, score: held.reduce((sum, credit) => sum + credit.score, 0), cell: null }];
  }

  private shapeOf(table: Element | null): TableShape | null {
    if (!table) return null;
    let shape = this.shapes.get(table);
    if (!shape) {
      shape = { dataRows: 0, textRows: 0, maxCellChars: 0 };
      this.shapes.set(table, shape);
    }
    return shape;
  }
}

function tableAbove(node: AnyNode): Element | null {
  let current = node.parent as AnyNode | null;
  for (let steps = 0; current && steps < STEPS_TO_TABLE; steps++, current = current.parent as AnyNode | null) {
    if (isElement(current) && current.name === 'table') return current;
  }
  return null;
}
