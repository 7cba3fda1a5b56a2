/**
 * The health streaks of each source (table source_health): consecutive failed runs, consecutive
 * runs whose lists offered no document, and whether `source.silent` was raised for the current
 * empty streak. Health events are raised on the edges of these streaks, once each.
 */
import type { Db } from './database.js';

export interface SourceHealthState {
  failedRuns: number;
  emptyRuns: number;
  silentRaised: boolean;
}

export const HEALTHY: SourceHealthState = { failedRuns: 0, emptyRuns: 0, silentRaised: false };

export function readSourceHealth(db: Db, sourceId: string): SourceHealthState {
  const row = db
    .prepare('SELECT failed_runs AS failedRuns, empty_runs AS emptyRuns, silent_raised AS silentRaised FROM source_health WHERE source_id = ?')
    .get(sourceId) as { failedRuns: number; emptyRuns: number; silentRaised: number } | undefined;
  return row ? { ...row, silentRaised: row.silentRaised === 1 } : HEALTHY;
}

export function writeSourceHealth(db: Db, sourceId: string, state: SourceHealthState, at: string): void {
  db.prepare(
    `INSERT INTO source_health (source_id, failed_runs, empty_runs, silent_raised, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (source_id) DO UPDATE SET failed_runs = excluded.failed_runs, empty_runs = excluded.empty_runs,
      silent_raised = excluded.silent_raised, updated_at = excluded.updated_at`,
  ).run(sourceId, state.failedRuns, state.emptyRuns, state.silentRaised ? 1 : 0, at);
}

/** Documents of the source in the archive, removed ones included: whether it ever yielded any. */
export function documentCount(db: Db, sourceId: string): number {
  return db.prepare('SELECT count(*) FROM documents WHERE source_id = ?').pluck().get(sourceId) as number;
}
