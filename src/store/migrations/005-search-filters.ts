import type { Migration } from './index.js';

// Frozen with this migration: copies of 003's helpers, so editing 003 can never change what 005 runs.
const ROWID_OF_NEW = '(SELECT rowid FROM search_rows WHERE document_id = NEW.document_id)';

function bigramsSql(x: string): string {
  return `bw_bigrams(${x})`;
}

function reindexSql(rowidSql: string, title: string, text: string): string {
  return `
  DELETE FROM search_trigram WHERE rowid = ${rowidSql};
  DELETE FROM search_bigram WHERE rowid = ${rowidSql};
  INSERT INTO search_trigram (rowid, title, text) VALUES (${rowidSql}, ${title}, ${text});
  INSERT INTO search_bigram (rowid, title, text) VALUES (${rowidSql}, ${bigramsSql(title)}, ${bigramsSql(text)});`;
}

function reindexTitleSql(rowidSql: string, title: string): string {
  return `
  DELETE FROM search_title_trigram WHERE rowid = ${rowidSql};
  DELETE FROM search_title_bigram WHERE rowid = ${rowidSql};
  INSERT INTO search_title_trigram (rowid, title) VALUES (${rowidSql}, ${title});
  INSERT INTO search_title_bigram (rowid, title) VALUES (${rowidSql}, ${bigramsSql(title)});`;
}

/**
 * Two things make search fast at 100,000 documents (see docs/interface.md):
 * - Filters on a compact row: `--source/--since/--until/--field` narrow the matches row by row;
 *   reading those values from `versions` (whose rows carry the whole text) took 130 ms, so
 *   search_rows now holds them itself.
 * - Title-only indexes: title matches rank first, and finding them in the title+text indexes means
 *   checking the positions of every match of a common word; an index of titles alone answers at once.
 * Both are kept by the trigger that indexes each new latest version.
 */
export const SEARCH_FILTERS: Migration = {
  version: 5,
  name: 'search-filters-titles',
  sql: `
ALTER TABLE search_rows ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE search_rows ADD COLUMN published_date TEXT;
ALTER TABLE search_rows ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';

UPDATE search_rows SET
  source_id = (SELECT d.source_id FROM documents d WHERE d.id = search_rows.document_id),
  published_date = (SELECT v.published_date FROM versions v WHERE v.document_id = search_rows.document_id AND v.version = search_rows.version),
  fields = (SELECT v.fields FROM versions v WHERE v.document_id = search_rows.document_id AND v.version = search_rows.version);

CREATE VIRTUAL TABLE search_title_trigram USING fts5(title, tokenize = 'trigram', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE search_title_bigram USING fts5(
  title, tokenize = 'unicode61 remove_diacritics 0', prefix = '1', content = '', contentless_delete = 1);
INSERT INTO search_title_trigram (rowid, title)
  SELECT s.rowid, v.title FROM search_rows s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version;
INSERT INTO search_title_bigram (rowid, title)
  SELECT s.rowid, ${bigramsSql('v.title')} FROM search_rows s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version;

DROP TRIGGER search_index_version;
CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version, source_id, published_date, fields)
    VALUES (NEW.document_id, NEW.version, (SELECT source_id FROM documents WHERE id = NEW.document_id), NEW.published_date, NEW.fields)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version, source_id = excluded.source_id,
      published_date = excluded.published_date, fields = excluded.fields;
  ${reindexSql(ROWID_OF_NEW, 'NEW.title', 'NEW.text')}
  ${reindexTitleSql(ROWID_OF_NEW, 'NEW.title')}
END;

DROP TRIGGER search_forget_document;
CREATE TRIGGER search_forget_document AFTER DELETE ON documents
BEGIN
  DELETE FROM search_trigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_bigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_title_trigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_title_bigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_rows WHERE document_id = OLD.id;
END;
`,
};
