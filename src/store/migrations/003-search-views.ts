import type { Migration } from './index.js';

/**
 * The bigram tokens of a string, space-separated ("双减工作" → "双减 减工 工作 作"), cut by the
 * application-defined function `bw_bigrams` (src/store/sql-functions.ts, src/text/bigrams.ts).
 */
function bigramsSql(x: string): string {
  return `bw_bigrams(${x})`;
}

/** Replaces the indexed text of the search row `rowidSql` with a title and text. */
function reindexSql(rowidSql: string, title: string, text: string): string {
  return `
  DELETE FROM search_trigram WHERE rowid = ${rowidSql};
  DELETE FROM search_bigram WHERE rowid = ${rowidSql};
  INSERT INTO search_trigram (rowid, title, text) VALUES (${rowidSql}, ${title}, ${text});
  INSERT INTO search_bigram (rowid, title, text) VALUES (${rowidSql}, ${bigramsSql(title)}, ${bigramsSql(text)});`;
}

const ROWID_OF_NEW = '(SELECT rowid FROM search_rows WHERE document_id = NEW.document_id)';

/**
 * Full-text search over the latest version of each document, stable views for archivists, and the
 * run lock. The search indexes are kept by triggers on `versions`, so the writer code knows nothing
 * of them. See docs/schema.md (public surface) and docs/interface.md (search design).
 */
export const SEARCH_VIEWS: Migration = {
  version: 3,
  name: 'search-views-lock',
  sql: `
-- One row per document: which version the search indexes hold (its latest). rowid is the FTS rowid,
-- declared INTEGER PRIMARY KEY so VACUUM never renumbers it.
CREATE TABLE search_rows (
  rowid INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL
);

-- Trigram index: substring search for terms of 3+ characters (any script, case-insensitive).
-- Contentless: the text lives once, in versions; snippets are cut from there.
CREATE VIRTUAL TABLE search_trigram USING fts5(
  title, text, tokenize = 'trigram', content = '', contentless_delete = 1);

-- Bigram index: the trigram tokenizer matches nothing shorter than 3 characters, and many Chinese
-- words have 2 (双减, 招生). Each row holds the text's overlapping bigrams as tokens; a 2-character
-- term is one token, a 1-character term a prefix query served by the prefix index.
CREATE VIRTUAL TABLE search_bigram USING fts5(
  title, text, tokenize = 'unicode61 remove_diacritics 0', prefix = '1', content = '', contentless_delete = 1);

CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version) VALUES (NEW.document_id, NEW.version)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version;
  ${reindexSql(ROWID_OF_NEW, 'NEW.title', 'NEW.text')}
END;

CREATE TRIGGER search_forget_document AFTER DELETE ON documents
BEGIN
  DELETE FROM search_trigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_bigram WHERE rowid = (SELECT rowid FROM search_rows WHERE document_id = OLD.id);
  DELETE FROM search_rows WHERE document_id = OLD.id;
END;

-- Index what an older archive already holds.
INSERT INTO search_rows (document_id, version) SELECT id, current_version FROM documents ORDER BY first_seen_at, id;
INSERT INTO search_trigram (rowid, title, text)
  SELECT s.rowid, v.title, v.text FROM search_rows s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version;
INSERT INTO search_bigram (rowid, title, text)
  SELECT s.rowid, ${bigramsSql('v.title')}, ${bigramsSql('v.text')}
  FROM search_rows s JOIN versions v ON v.document_id = s.document_id AND v.version = s.version;

-- Versions written by one run (extraction health compares a run's versions with earlier ones).
CREATE INDEX versions_run ON versions(run_id);

-- Stable view: every document with its latest version, one row each (removed ones too).
CREATE VIEW documents_latest AS
SELECT d.id, d.source_id, d.url, d.status, d.current_version AS version, v.title, v.published_date,
  v.fields, v.labels, v.text, v.attachments, v.provenance, v.content_hash, d.duplicate_of,
  d.first_seen_at, d.last_changed_at, d.last_checked_at, v.fetched_at, v.http_status, v.raw_hash
FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.current_version;

-- Stable view: one row per canonical field of each document's latest version (for facets).
CREATE VIEW document_fields AS
SELECT l.id AS document_id, l.source_id, f.key, f.value
FROM documents_latest l, json_each(l.fields) f;

-- Stable view: the per-source outcome counts of every run, one row per run and source.
CREATE VIEW run_sources AS
SELECT r.id AS run_id, c.key AS source_id, r.started_at, r.finished_at, r.status,
  json_extract(c.value, '$.pages') AS pages, json_extract(c.value, '$.created') AS created,
  json_extract(c.value, '$.updated') AS updated, json_extract(c.value, '$.unchanged') AS unchanged,
  json_extract(c.value, '$.notModified') AS not_modified, json_extract(c.value, '$.removed') AS removed,
  json_extract(c.value, '$.errors') AS errors
FROM runs r, json_each(r.counts) c;

-- The run lock: at most one crawling process per database. Stale when its process is gone or its
-- heartbeat is old, so a killed run never blocks the next one for long.
CREATE TABLE run_lock (
  name TEXT PRIMARY KEY,
  token TEXT NOT NULL,
  pid INTEGER NOT NULL,
  hostname TEXT NOT NULL,
  command TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);
`,
};
