import { reindexSql } from './003-search-views.js';
import type { Migration } from './index.js';

const ROWID_OF_NEW = '(SELECT rowid FROM search_rows WHERE document_id = NEW.document_id)';

/**
 * Search filters on a compact row. `search --source/--since/--until/--field` narrow the full-text
 * matches row by row; reading those values from `versions` (whose rows carry the whole text) made a
 * filtered search over 100,000 documents take 130 ms. search_rows now holds them itself, kept by the
 * same trigger that indexes each new latest version.
 */
export const SEARCH_FILTERS: Migration = {
  version: 5,
  name: 'search-filters',
  sql: `
ALTER TABLE search_rows ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE search_rows ADD COLUMN published_date TEXT;
ALTER TABLE search_rows ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';

UPDATE search_rows SET
  source_id = (SELECT d.source_id FROM documents d WHERE d.id = search_rows.document_id),
  published_date = (SELECT v.published_date FROM versions v WHERE v.document_id = search_rows.document_id AND v.version = search_rows.version),
  fields = (SELECT v.fields FROM versions v WHERE v.document_id = search_rows.document_id AND v.version = search_rows.version);

DROP TRIGGER search_index_version;
CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version, source_id, published_date, fields)
    VALUES (NEW.document_id, NEW.version, (SELECT source_id FROM documents WHERE id = NEW.document_id), NEW.published_date, NEW.fields)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version, source_id = excluded.source_id,
      published_date = excluded.published_date, fields = excluded.fields;
  ${reindexSql(ROWID_OF_NEW, 'NEW.title', 'NEW.text')}
END;
`,
};
