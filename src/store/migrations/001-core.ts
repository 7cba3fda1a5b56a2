import type { Migration } from './index.js';

/** Core archive: sources, documents, their versions, raw bodies, runs and the event outbox. */
export const CORE: Migration = {
  version: 1,
  name: 'core',
  sql: `
-- Key/value settings of this archive (datasette-style), e.g. the schema's creator version.
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per configured source (bureau), kept even if it leaves the config.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  start_urls TEXT NOT NULL,             -- JSON array
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per document URL. id is stable: derived from the canonical URL.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id),
  url TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  first_seen_at TEXT NOT NULL,
  last_changed_at TEXT NOT NULL,        -- when the current version was recorded
  last_checked_at TEXT NOT NULL,        -- last fetch of any outcome (200, 304, 404 …)
  current_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,           -- of the current version's comparison text
  title_hash TEXT NOT NULL,
  etag TEXT,                            -- validators of the last 200 answer, for conditional GET
  last_modified TEXT,
  missing_count INTEGER NOT NULL DEFAULT 0, -- consecutive runs that answered 404/410
  duplicate_of TEXT REFERENCES documents(id)
);
CREATE INDEX documents_source ON documents(source_id, status);
CREATE INDEX documents_content_hash ON documents(content_hash);

-- Raw response bodies, content-addressed (sha256 of the bytes as received) and compressed:
-- an unchanged page costs no new blob.
CREATE TABLE blobs (
  hash TEXT PRIMARY KEY,
  compression TEXT NOT NULL,            -- 'br' (brotli) or 'none'
  size INTEGER NOT NULL,                -- uncompressed bytes
  data BLOB NOT NULL
);

-- Every distinct version of a document. A new row only when the comparison text or title changes.
CREATE TABLE versions (
  document_id TEXT NOT NULL REFERENCES documents(id),
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,           -- sha256 hex of the normalized text
  title TEXT NOT NULL,
  published_date TEXT,                  -- YYYY-MM-DD
  fields TEXT NOT NULL,                 -- JSON object, canonical keys
  labels TEXT NOT NULL,                 -- JSON object, labels as written
  text TEXT NOT NULL,                   -- as published, paragraphs joined by \\n
  attachments TEXT NOT NULL,            -- JSON array of {url, name}
  provenance TEXT NOT NULL,             -- JSON object: item → extraction rule
  fetched_at TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  response_headers TEXT NOT NULL,       -- JSON object, for WARC export
  charset TEXT NOT NULL,
  charset_source TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  raw_hash TEXT NOT NULL REFERENCES blobs(hash),
  run_id INTEGER REFERENCES runs(id),
  PRIMARY KEY (document_id, version)
);

-- One row per crawl run.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'interrupted')),
  sources TEXT NOT NULL,                -- JSON array of source ids
  counts TEXT NOT NULL DEFAULT '{}',    -- JSON: per source {pages, created, updated, unchanged, notModified, removed, errors}
  pid INTEGER
);

-- The event outbox: written in the same transaction as the change that caused it.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- delivery order
  id TEXT NOT NULL UNIQUE,               -- stable id receivers de-duplicate by
  type TEXT NOT NULL CHECK (type IN ('document.created', 'document.updated', 'document.removed')),
  at TEXT NOT NULL,
  source_id TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  version INTEGER NOT NULL,
  alerts TEXT NOT NULL DEFAULT '[]',     -- JSON array of alert rule names
  changes TEXT                           -- JSON: what changed (updates)
);
CREATE INDEX events_document ON events(document_id);
`,
};
