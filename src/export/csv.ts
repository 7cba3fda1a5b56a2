import type { Writable } from 'node:stream';
import { CANONICAL_KEYS } from '../extract/types.js';
import type { Db } from '../store/database.js';
import { iterateDocumentRecords, type DocumentRecord } from '../store/document-record.js';
import type { SourceScope } from '../store/documents.js';
import { writeLine } from './write-line.js';

/**
 * CSV, one row per document (latest version, removed ones too), for spreadsheet programs:
 * UTF-8 with a byte-order mark (so Excel reads Chinese correctly), RFC 4180 quoting, CRLF rows.
 * Every canonical field has its own column `fields.<key>` (empty when absent); `labels` (object)
 * and `attachments` (array of {url, name}) are JSON. Values are written as stored, never altered.
 */
const BOM = '\uFEFF';

const RECORD_COLUMNS = [
  'id',
  'source',
  'url',
  'title',
  'publishedDate',
  'status',
  'version',
  'contentHash',
  'firstSeenAt',
  'lastChangedAt',
  'duplicateOf',
] as const;

export const CSV_COLUMNS: readonly string[] = [...RECORD_COLUMNS, ...CANONICAL_KEYS.map((key) => `fields.${key}`), 'labels', 'attachments', 'text'];

export async function exportCsv(db: Db, out: Writable, sources?: SourceScope): Promise<number> {
  let count = 0;
  await writeRow(out, CSV_COLUMNS, BOM);
  for (const record of iterateDocumentRecords(db, sources)) {
    await writeRow(out, csvRow(record));
    count++;
  }
  return count;
}

function csvRow(record: DocumentRecord): string[] {
  return [
    ...RECORD_COLUMNS.map((column) => String(record[column] ?? '')),
    ...CANONICAL_KEYS.map((key) => record.fields[key] ?? ''),
    JSON.stringify(record.labels),
    JSON.stringify(record.attachments),
    record.text,
  ];
}

/** A value is quoted when it holds a delimiter, quote or line break; quotes inside are doubled. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeRow(out: Writable, cells: readonly string[], prefix = ''): Promise<void> {
  // writeLine ends the row with "\n": with the "\r" here each row ends in CRLF as RFC 4180 asks.
  return writeLine(out, `${prefix}${cells.map(csvCell).join(',')}\r`);
}
