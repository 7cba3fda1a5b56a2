/**
 * The search indexes' catch-up: rows whose latest version the full-text indexes do not hold yet
 * (`search_rows.indexed_version` behind `version`, migration 011), indexed in short transactions.
 * A crawl leaves its new texts to this (src/store/search-indexer/ runs it on a worker thread, so
 * the crawl's writer does not spend ~30% of its thread on tokenizing); every other writer indexes
 * inline through the triggers and leaves nothing due.
 */
import { indexBigrams } from '../text/bigrams.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** A version's text and its attachments' texts, as the index holds them (the same as the triggers). */
const DUE_ROWS_SQL = `
SELECT s.rowid AS rowid, s.version AS version, v.title AS title,
  v.text || coalesce((SELECT char(10) || group_concat(f.text, char(10))
    FROM json_each(v.attachments) a JOIN attachment_files f ON f.sha256 = json_extract(a.value, '$.sha256')
    WHERE f.text_length > 0), '') AS text
FROM search_rows s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version
WHERE s.indexed_version IS NOT s.version
ORDER BY s.rowid LIMIT ?`;

const INDEXES = ['search_trigram', 'search_bigram', 'search_title_trigram', 'search_title_bigram'] as const;

interface DueRow {
  rowid: number;
  version: number;
  title: string;
  text: string;
}

/** How many documents the search indexes do not hold in their latest version yet. */
export function unindexedSearchRows(db: Db): number {
  return statement(db, 'SELECT count(*) FROM search_rows WHERE indexed_version IS NOT version', 'pluck').get() as number;
}

/**
 * Indexes up to `limit` due rows in one write transaction (BEGIN IMMEDIATE: it writes) and returns
 * how many it indexed; 0 when nothing is due. Idempotent: a row indexed twice holds one entry.
 */
export function indexDueSearchRows(db: Db, limit: number): number {
  return db
    .transaction(() => {
      const rows = statement(db, DUE_ROWS_SQL).all(limit) as DueRow[];
      for (const row of rows) indexRow(db, row);
      return rows.length;
    })
    .immediate();
}

function indexRow(db: Db, row: DueRow): void {
  for (const table of INDEXES) statement(db, `DELETE FROM ${table} WHERE rowid = ?`).run(row.rowid);
  const titleBigrams = indexBigrams(row.title);
  statement(db, 'INSERT INTO search_trigram (rowid, title, text) VALUES (?, ?, ?)').run(row.rowid, row.title, row.text);
  statement(db, 'INSERT INTO search_bigram (rowid, title, text) VALUES (?, ?, ?)').run(row.rowid, titleBigrams, indexBigrams(row.text));
  statement(db, 'INSERT INTO search_title_trigram (rowid, title) VALUES (?, ?)').run(row.rowid, row.title);
  statement(db, 'INSERT INTO search_title_bigram (rowid, title) VALUES (?, ?)').run(row.rowid, titleBigrams);
  statement(db, 'UPDATE search_rows SET indexed_version = ? WHERE rowid = ?').run(row.version, row.rowid);
}
