import { indexBigrams } from '../text/bigrams.js';
import type { Db } from './database.js';

/** Connections whose search indexing a background indexer does (see setSearchIndexing). */
const deferredIndexing = new WeakSet<Db>();

/**
 * Application-defined SQL functions that the schema's triggers call. Registered on every connection
 * bureau-watch opens, before migrations. Cutting bigrams in JS costs ~0.2 ms for 6,000 characters
 * against ~3.4 ms in a recursive SQL query, which made search indexing most of the crawl's write
 * path. The price: a foreign tool that INSERTs into `versions` must register `bw_bigrams` and
 * `bw_search_inline` too (reading, with sqlite3 or Datasette, needs nothing).
 */
export function registerSqlFunctions(db: Db): void {
  db.function('bw_bigrams', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? indexBigrams(text) : ''));
  // 1: the version triggers index a new text at once; 0: they leave it to the background indexer.
  db.function('bw_search_inline', { deterministic: false }, () => (deferredIndexing.has(db) ? 0 : 1));
}

/**
 * Whether this connection's version triggers index search text themselves ('inline', the default)
 * or only mark the row due for a background indexer ('deferred', src/store/search-indexer/).
 */
export function setSearchIndexing(db: Db, mode: 'inline' | 'deferred'): void {
  if (mode === 'deferred') deferredIndexing.add(db);
  else deferredIndexing.delete(db);
}
