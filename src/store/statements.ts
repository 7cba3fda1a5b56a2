import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. The crawl's write path runs the same few
 * statements for every page, and preparing an INSERT INTO versions also compiles the search
 * triggers: re-preparing them per page was a tenth of a first crawl's time.
 * `pluck` statements are cached apart, since pluck() changes the statement for every later use.
 */
export function statement(db: Db, sql: string, mode: 'rows' | 'pluck' = 'rows'): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Statement>()));
  const key = `${mode}\u0000${sql}`;
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = db.prepare(sql);
    if (mode === 'pluck') prepared.pluck();
    cache.set(key, prepared);
  }
  return prepared;
}
