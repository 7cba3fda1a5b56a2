import type { Migration } from './index.js';

// Frozen with this migration: copies of 009's helpers, so editing either can never change what 011 runs.
const ROWID_OF_NEW = '(SELECT rowid FROM search_rows WHERE document_id = NEW.document_id)';

/** A version's text followed by the text of each of its attachments (by sha256 in its attachments JSON). */
const INDEXED_TEXT = `NEW.text || coalesce((SELECT char(10) || group_concat(f.text, char(10))
  FROM json_each(NEW.attachments) a JOIN attachment_files f ON f.sha256 = json_extract(a.value, '$.sha256')
  WHERE f.text_length > 0), '')`;

/** 009's reindexing, each statement run only when this connection indexes inline (bw_search_inline()). */
function reindexInlineSql(withTitles: boolean): string {
  const tables = ['search_trigram', 'search_bigram', ...(withTitles ? ['search_title_trigram', 'search_title_bigram'] : [])];
  return `
  ${tables.map((table) => `DELETE FROM ${table} WHERE rowid = ${ROWID_OF_NEW} AND bw_search_inline();`).join('\n  ')}
  INSERT INTO search_trigram (rowid, title, text) SELECT ${ROWID_OF_NEW}, NEW.title, ${INDEXED_TEXT} WHERE bw_search_inline();
  INSERT INTO search_bigram (rowid, title, text)
    SELECT ${ROWID_OF_NEW}, bw_bigrams(NEW.title), bw_bigrams(${INDEXED_TEXT}) WHERE bw_search_inline();${
      withTitles
        ? `
  INSERT INTO search_title_trigram (rowid, title) SELECT ${ROWID_OF_NEW}, NEW.title WHERE bw_search_inline();
  INSERT INTO search_title_bigram (rowid, title) SELECT ${ROWID_OF_NEW}, bw_bigrams(NEW.title) WHERE bw_search_inline();`
        : ''
    }
  UPDATE search_rows SET indexed_version = CASE WHEN bw_search_inline() THEN NEW.version END WHERE document_id = NEW.document_id;`;
}

/**
 * Search indexing that can run behind the writer. Indexing a version's text (two full-text indexes
 * of ~6,000 tokens each) is ~30% of a crawl's main thread; a crawl now hands it to a background
 * indexer (src/store/search-indexer/) and the triggers only record what is due:
 * - `search_rows.indexed_version`: the version the search indexes hold for the row; NULL or older
 *   than `version` while the row waits for the indexer. Rows indexed before this migration hold their
 *   version already.
 * - The triggers still index inline, as before, on any connection that has not handed indexing to a
 *   background indexer (`bw_search_inline()`, src/store/sql-functions.ts): every writer but the crawl.
 */
export const SEARCH_INDEX_QUEUE: Migration = {
  version: 11,
  name: 'search-index-queue',
  sql: `
ALTER TABLE search_rows ADD COLUMN indexed_version INTEGER;
UPDATE search_rows SET indexed_version = version;
CREATE INDEX search_rows_unindexed ON search_rows(rowid) WHERE indexed_version IS NOT version;

DROP TRIGGER search_index_version;
CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version, source_id, published_date, fields)
    VALUES (NEW.document_id, NEW.version, (SELECT source_id FROM documents WHERE id = NEW.document_id), NEW.published_date, NEW.fields)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version, source_id = excluded.source_id,
      published_date = excluded.published_date, fields = excluded.fields;
  ${reindexInlineSql(true)}
END;

DROP TRIGGER search_reindex_attachments;
CREATE TRIGGER search_reindex_attachments AFTER UPDATE OF attachments ON versions
WHEN NEW.version = (SELECT version FROM search_rows WHERE document_id = NEW.document_id)
BEGIN
  ${reindexInlineSql(false)}
END;
`,
};
