/**
 * Whether a source's columns were ever read through completely, and since when. Early stopping on
 * a column ("this page holds only known links, the rest is older") is only sound after one
 * complete reading, and only with documents known at that moment: a run killed halfway stored
 * some new documents but not the older ones behind them, so those must not stop the next run.
 */
import { createHash } from 'node:crypto';
import type { SourceConfig } from '../config/schema.js';
import type { Db } from '../store/database.js';
import { documentUrlsFirstSeenBy } from '../store/documents.js';

/** Changes when the source's start URLs or include/exclude change: a new scope is read in full. */
export function scopeKey(source: Pick<SourceConfig, 'startUrls' | 'include' | 'exclude'>): string {
  const canonical = JSON.stringify([source.startUrls, source.include, source.exclude]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** When the source's current scope was last read completely, or null (never: the first crawl). */
export function lastCompleteListing(db: Db, source: SourceConfig): string | null {
  const row = db.prepare('SELECT scope_key AS scopeKey, listing_complete_at AS at FROM crawl_state WHERE source_id = ?').get(source.id) as
    { scopeKey: string; at: string | null } | undefined;
  return row && row.scopeKey === scopeKey(source) ? row.at : null;
}

/**
 * Documents a column page may be "all known" against, or null when the crawl must read every
 * list page: early stop is off for the source, or its scope was never read completely.
 */
export function knownForEarlyStop(db: Db, source: SourceConfig): Set<string> | null {
  if (!source.stopAfterKnownListPage) return null;
  const completeAt = lastCompleteListing(db, source);
  return completeAt ? documentUrlsFirstSeenBy(db, source.id, completeAt) : null;
}

/** Must run after this run's documents are written (their first_seen_at precede `at`). */
export function recordCompleteListing(db: Db, source: SourceConfig, runId: number, at: string): void {
  db.prepare(
    `INSERT INTO crawl_state (source_id, scope_key, listing_complete_at, listing_run_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET scope_key = excluded.scope_key,
       listing_complete_at = excluded.listing_complete_at, listing_run_id = excluded.listing_run_id`,
  ).run(source.id, scopeKey(source), at, runId);
}
