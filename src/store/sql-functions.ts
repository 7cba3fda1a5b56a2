import { indexBigrams } from '../text/bigrams.js';
import type { Db } from './database.js';

/**
 * Application-defined SQL functions that the schema's triggers call. Registered on every connection
 * bureau-watch opens, before migrations. Cutting bigrams in JS costs ~0.2 ms for 6,000 characters
 * against ~3.4 ms in a recursive SQL query, which made search indexing most of the crawl's write
 * path. The price: a foreign tool that INSERTs into `versions` must register `bw_bigrams` too
 * (reading, with sqlite3 or Datasette, needs nothing).
 */
export function registerSqlFunctions(db: Db): void {
  db.function('bw_bigrams', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? indexBigrams(text) : ''));
}
