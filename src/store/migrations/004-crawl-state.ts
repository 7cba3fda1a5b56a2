import type { Migration } from './index.js';

/** What the crawl keeps between runs beyond the documents themselves. */
export const CRAWL_STATE: Migration = {
  version: 4,
  name: 'crawl-state',
  sql: `
-- One row per source: when its columns were last read through completely (every list page fetched
-- without error, or read until a page held only known links). Early stopping trusts only documents
-- first seen up to that moment: documents found by an interrupted or failed run do not count as
-- known, so the next run reads past them.
CREATE TABLE crawl_state (
  source_id TEXT PRIMARY KEY REFERENCES sources(id),
  scope_key TEXT NOT NULL,              -- hash of startUrls/include/exclude: a changed scope reads everything again
  listing_complete_at TEXT,             -- ISO-8601
  listing_run_id INTEGER REFERENCES runs(id)
);
`,
};
