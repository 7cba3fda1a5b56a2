import type { Migration } from './index.js';

/**
 * Source health: each run's outcome per source, the streaks health events are raised once for, and
 * room in the outbox for events about a source rather than a document (source.failed,
 * source.recovered, source.silent: `source` and `reason`, no document fields). SQLite cannot alter
 * a CHECK constraint or a NOT NULL column, so `events` is rebuilt with its rows, sequence numbers
 * (sinks' cursors point at them) and index kept.
 */
export const SOURCE_HEALTH: Migration = {
  version: 7,
  name: 'source-health',
  sql: `
CREATE TABLE events_007 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- delivery order
  id TEXT NOT NULL UNIQUE,               -- stable id receivers de-duplicate by
  type TEXT NOT NULL CHECK (type IN ('document.created', 'document.updated', 'document.removed',
                                     'source.failed', 'source.recovered', 'source.silent')),
  at TEXT NOT NULL,
  source_id TEXT NOT NULL,
  document_id TEXT REFERENCES documents(id), -- document events only
  url TEXT,                              -- document events only
  title TEXT,                            -- document events only
  version INTEGER,                       -- document events only
  alerts TEXT NOT NULL DEFAULT '[]',     -- JSON array of alert rule names
  changes TEXT,                          -- JSON: what changed (updates)
  reason TEXT,                           -- health events: why, in one line
  CHECK ((type LIKE 'document.%') = (document_id IS NOT NULL AND url IS NOT NULL AND title IS NOT NULL AND version IS NOT NULL)),
  CHECK ((type LIKE 'source.%') = (reason IS NOT NULL))
);
INSERT INTO events_007 (seq, id, type, at, source_id, document_id, url, title, version, alerts, changes)
  SELECT seq, id, type, at, source_id, document_id, url, title, version, alerts, changes FROM events;
-- The sequence goes on from where the old table's was (never reusing a number a cursor has passed).
INSERT INTO sqlite_sequence (name, seq) SELECT 'events_007', 0
  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events_007');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0))
  WHERE name = 'events_007';
DROP TABLE events;
ALTER TABLE events_007 RENAME TO events;
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_source_type ON events(source_id, type);

-- How each source of each run ended: ok, degraded (some pages failed or could not be stored) or
-- failed (no start URL could be read), and why in one line (NULL when ok).
CREATE TABLE source_outcomes (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  source_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'degraded', 'failed')),
  reason TEXT,
  PRIMARY KEY (run_id, source_id)
) WITHOUT ROWID;

-- One row per source: the streaks its health events are raised once for.
CREATE TABLE source_health (
  source_id TEXT PRIMARY KEY,
  failed_runs INTEGER NOT NULL DEFAULT 0,   -- consecutive failed runs; source.failed was sent at the first
  empty_runs INTEGER NOT NULL DEFAULT 0,    -- consecutive runs whose lists offered no document
  silent_raised INTEGER NOT NULL DEFAULT 0, -- 1 once source.silent was sent for the current empty streak
  updated_at TEXT NOT NULL
);
`,
};
