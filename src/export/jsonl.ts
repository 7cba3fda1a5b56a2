import type { Writable } from 'node:stream';
import type { Db } from '../store/database.js';
import { iterateDocumentRecords, withAttachmentTexts } from '../store/document-record.js';
import type { SourceScope } from '../store/documents.js';
import { terminalJson } from '../terminal-safe.js';
import { writeLine } from './write-line.js';

/**
 * One contract document record (docs/contract.md) per line, latest version of every document, with
 * each attachment's text. Returns the count.
 * C1 controls and U+2028/9 are escaped as well (same values): the export may be printed on a terminal.
 */
export async function exportJsonl(db: Db, out: Writable, sources?: SourceScope): Promise<number> {
  let count = 0;
  for (const record of iterateDocumentRecords(db, sources)) {
    await writeLine(out, terminalJson(withAttachmentTexts(db, record)));
    count++;
  }
  return count;
}
