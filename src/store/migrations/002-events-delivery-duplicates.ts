import type { Migration } from './index.js';

/** Delivery state of the event sinks, and the near-duplicate index (MinHash + banded LSH). */
export const EVENTS_DELIVERY_DUPLICATES: Migration = {
  version: 2,
  name: 'events-delivery-duplicates',
  sql: `
-- One row per sink ever delivered to. delivered_seq is the sink's cursor in the outbox: every event
-- with seq <= delivered_seq reached it. A sink that is down keeps its cursor and gets the rest later, in order.
CREATE TABLE sink_cursors (
  sink_id TEXT PRIMARY KEY,              -- stable id derived from the sink's config (never its secret)
  label TEXT NOT NULL,                   -- for humans: type and file path or URL origin
  delivered_seq INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  last_error TEXT,                       -- why the last attempt stopped, NULL after a clean one
  failed_attempts INTEGER NOT NULL DEFAULT 0 -- consecutive delivery attempts that stopped on an error
);

-- MinHash signature of each document's current version (128 little-endian uint32).
CREATE TABLE duplicate_signatures (
  document_id TEXT PRIMARY KEY REFERENCES documents(id),
  signature BLOB NOT NULL,
  shingles INTEGER NOT NULL
) WITHOUT ROWID;

-- Banded LSH: one row per (band, bucket) of each signature. Documents sharing any bucket are
-- candidates; a lookup is one index probe per band, whatever the archive's size.
CREATE TABLE duplicate_bands (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band, bucket, document_id)
) WITHOUT ROWID;
CREATE INDEX duplicate_bands_document ON duplicate_bands(document_id);

CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
`,
};
