import type { Migration } from './index.js';

/**
 * Pages of a `fetch: browser` source are stored as rendered (raw_hash: the DOM after scripts ran);
 * the bytes the network delivered for them are kept too, under original_hash (NULL for HTTP fetches,
 * whose raw body is the original).
 */
export const ORIGINAL_BODY: Migration = {
  version: 6,
  name: 'versions-original-body',
  sql: `ALTER TABLE versions ADD COLUMN original_hash TEXT;`,
};
