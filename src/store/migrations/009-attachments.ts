import type { Migration } from './index.js';

// Frozen with this migration: copies of 005's helpers, so editing 005 can never change what 009 runs.
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

/** A version's text followed by the text of each of its attachments (by sha256 in its attachments JSON). */
const INDEXED_TEXT = `NEW.text || coalesce((SELECT char(10) || group_concat(f.text, char(10))
  FROM json_each(NEW.attachments) a JOIN attachment_files f ON f.sha256 = json_extract(a.value, '$.sha256')
  WHERE f.text_length > 0), '')`;

/**
 * Attachments (issue #14): the files behind a document's attachment links, stored once per sha256
 * (bytes in `blobs` under the same hash), the text read from each, what each URL answered (for
 * conditional GET and WARC), each version's attachments as rows, and a near-duplicate index of
 * attachment texts. Search indexes a version's text together with its attachments' texts.
 */
export const ATTACHMENTS: Migration = {
  version: 9,
  name: 'attachments',
  sql: `
-- One row per distinct attachment file; its bytes are the blob of the same hash.
CREATE TABLE attachment_files (
  sha256 TEXT PRIMARY KEY REFERENCES blobs(hash),
  size INTEGER NOT NULL,                -- bytes
  kind TEXT NOT NULL,                   -- identified from the bytes: pdf, docx, doc, xlsx, ofd, zip, image, other …
  media_type TEXT NOT NULL,
  read_status TEXT NOT NULL CHECK (read_status IN ('ok', 'failed')),
  failure TEXT,                         -- why a read failed: malformed, encrypted, too-large, timeout, out-of-memory, worker-crashed
  error TEXT,                           -- the reader's one-line message
  text_layer INTEGER,                   -- PDFs: 1 when a page carries text, 0 for a scan; NULL otherwise
  text_length INTEGER NOT NULL,
  text TEXT NOT NULL,                   -- '' when the kind has none or the read failed
  comparison_hash TEXT NOT NULL,        -- what versions compare: sha256 of the text's comparison form, else of the bytes
  details TEXT NOT NULL DEFAULT '{}',   -- JSON: truncated, ocr, ZIP members
  read_at TEXT NOT NULL
);

-- What each attachment URL answered at its last check: validators for the next conditional GET.
CREATE TABLE attachment_urls (
  url TEXT PRIMARY KEY,
  status TEXT NOT NULL,                 -- ok, not-found, too-large, out-of-scope, failed
  sha256 TEXT REFERENCES attachment_files(sha256), -- the file it served last (kept through failures)
  etag TEXT,
  last_modified TEXT,
  checked_at TEXT NOT NULL
);

-- The HTTP response that first delivered each file at each URL (WARC export replays it).
CREATE TABLE attachment_responses (
  url TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blobs(hash),
  final_url TEXT NOT NULL,              -- after redirects
  http_status INTEGER NOT NULL,
  headers TEXT NOT NULL,                -- JSON object, lower-case names
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (url, sha256)
) WITHOUT ROWID;

-- Each version's attachments in page order: the rows of versions.attachments, for SQL.
CREATE TABLE version_attachments (
  document_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,            -- 0-based, in page order
  url TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT,                          -- NULL for versions recorded before attachments were fetched
  sha256 TEXT REFERENCES attachment_files(sha256),
  PRIMARY KEY (document_id, version, position),
  FOREIGN KEY (document_id, version) REFERENCES versions(document_id, version)
) WITHOUT ROWID;
CREATE INDEX version_attachments_sha256 ON version_attachments(sha256);

-- MinHash signatures of attachment texts (a page that inlines another document's attachment is its copy).
CREATE TABLE attachment_signatures (
  sha256 TEXT PRIMARY KEY REFERENCES attachment_files(sha256),
  signature BLOB NOT NULL,
  shingles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE attachment_bands (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES attachment_files(sha256),
  PRIMARY KEY (band, bucket, sha256)
) WITHOUT ROWID;

-- Search: a version is indexed with its attachments' texts.
DROP TRIGGER search_index_version;
CREATE TRIGGER search_index_version AFTER INSERT ON versions
WHEN NEW.version >= coalesce((SELECT version FROM search_rows WHERE document_id = NEW.document_id), 0)
BEGIN
  INSERT INTO search_rows (document_id, version, source_id, published_date, fields)
    VALUES (NEW.document_id, NEW.version, (SELECT source_id FROM documents WHERE id = NEW.document_id), NEW.published_date, NEW.fields)
    ON CONFLICT (document_id) DO UPDATE SET version = excluded.version, source_id = excluded.source_id,
      published_date = excluded.published_date, fields = excluded.fields;
  ${reindexSql(ROWID_OF_NEW, 'NEW.title', INDEXED_TEXT)}
  ${reindexTitleSql(ROWID_OF_NEW, 'NEW.title')}
END;

-- A version whose attachment entries were filled in later (their files read after the version was
-- recorded) is indexed again, when it is the one search holds.
CREATE TRIGGER search_reindex_attachments AFTER UPDATE OF attachments ON versions
WHEN NEW.version = (SELECT version FROM search_rows WHERE document_id = NEW.document_id)
BEGIN
  ${reindexSql(ROWID_OF_NEW, 'NEW.title', INDEXED_TEXT)}
END;
`,
};
