/** The `sources` table: one row per configured bureau, kept even after it leaves the config. */
import type { Db } from './database.js';
import { statement } from './statements.js';

export interface SourceRow {
  id: string;
  name: string;
  startUrls: string[];
}

export function upsertSource(db: Db, source: SourceRow): void {
  const now = new Date().toISOString();
  statement(
    db,
    `INSERT INTO sources (id, name, start_urls, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_urls = excluded.start_urls, updated_at = excluded.updated_at`,
  ).run(source.id, source.name, JSON.stringify(source.startUrls), now, now);
}
