import type { Migration } from './index.js';

// Frozen with this migration: its own copies of the trigger bodies, so editing an earlier migration can never change what 011 runs.
const ROWID_OF_NEW = '(SELECT rowid FROM search_rows WHERE document_id = NEW.document_id)';

/** A version's text followed by the text of each of its attachments (as 009 indexes it). */
const INDEXED_TEXT = `NEW.text || coalesce((SELECT char(10) || group_concat(f.text, char(10))
  FROM json_each(NEW.attachments) a JOIN attachment_files f ON f.sha256 = json_extract(a.value, '$.sha256')
  WHERE f.text_length > 0), '')`;

function reindexSql(rowidSql: string, text: string): string {
  return `
  DELETE FROM search_bigram WHERE rowid = ${rowidSql};
  INSERT INTO search_bigram (rowid, title, text) VALUES (${rowidSql}, bw_bigrams(NEW.title), bw_bigrams(${text}));`;
}

/**
 * Search from the bigram indexes alone (issue #15). Every query was already answerable by them: a
 * term of 3+ characters is the phrase of its overlapping bigrams, which matches exactly where the
 * substring occurs (src/search/query.ts). Keeping the trigram indexes besides cost about a third of
 * the crawl's write path (bench/write-path.ts) and as much disk as the bigram index, for queries
 * about 10 ms faster at 100,000 documents (docs/benchmarks.md). Dropping them frees that space on
 * the next VACUUM.
 */
export const SEARCH_BIGRAM_ONLY: Migration = {
  version: 11,
  name: 'search-bigram-only',
  sql: `
DROP TRIGGER search_index_version;
DROP TRIGGER search_reindex_attachments;
DROP TRIGGER search_forget_document;
DROP TABLE search_trigram;
DROP TABLE search_title_trigram;

CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version, source_id, published_date, fields)
    VALUES (NEW.document_id, NEW.version, (SELECT source_id FROM documents WHERE id = NEW.document_id), NEW.published_date, NEW.fields)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version, source_id = excluded.source_id,
      published_date = excluded.published_date, fields = excluded.fields;
  ${reindexSql(ROWID_OF_NEW, INDEXED_TEXT)}
  DELETE FROM search_title_bigram WHERE rowid = ${ROWID_OF_NEW};
  INSERT INTO search_title_bigram (rowid, title) VALUES (${ROWID_OF_NEW}, bw_bigrams(NEW.title));
END;

-- A version whose attachment entries were filled in later is indexed again, when it is the one search holds.
CREATE TRIGGER search_reindex_attachments AFTER UPDATE OF attachments ON versions
WHEN NEW.version = (SELECT version FROM search_rows WHERE document_id = NEW.document_id)
BEGIN
  ${reindexSql(ROWID_OF_NEW, INDEXED_TEXT)}
END;

CREATE TRIGGER search_forget_document AFTER DELETE ON documents
BEGIN
  DELETE FROM search_bigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_title_bigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_rows WHERE document_id = OLD.id;
END;
`,
};
