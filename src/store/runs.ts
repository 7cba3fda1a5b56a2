import type { Db } from './database.js';

/** Per-source outcome counts of a run, stored in runs.counts. */
export interface SourceCounts {
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  notModified: number;
  removed: number;
  /** Pages and list pages that failed (fetch, status, processing, storing). */
  errors: number;
  /** Of the errors: pages fetched but not stored (the database stayed busy, a write failed). */
  unstored: number;
  /** Document links the source's lists offered (in scope, known ones included). */
  listed: number;
  /** Attachments that could not be fetched or read (status `failed`; dead links are `not-found`, not counted here). */
  attachmentsFailed: number;
}

export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

export function emptyCounts(): SourceCounts {
  return { pages: 0, created: 0, updated: 0, unchanged: 0, notModified: 0, removed: 0, errors: 0, unstored: 0, listed: 0, attachmentsFailed: 0 };
}

export function startRun(db: Db, sourceIds: string[], startedAt = new Date().toISOString()): number {
  const result = db
    .prepare("INSERT INTO runs (started_at, status, sources, pid) VALUES (?, 'running', ?, ?)")
    .run(startedAt, JSON.stringify(sourceIds), process.pid);
  return Number(result.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, status: RunStatus, counts: Record<string, SourceCounts>): void {
  db.prepare('UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?').run(new Date().toISOString(), status, JSON.stringify(counts), runId);
}

/** Runs left 'running' by a process that died are marked interrupted, so stats never show them as live. */
export function markStaleRunsInterrupted(db: Db, isAlive: (pid: number) => boolean): number {
  const stale = (db.prepare("SELECT id, pid FROM runs WHERE status = 'running'").all() as { id: number; pid: number | null }[]).filter(
    (run) => run.pid === null || !isAlive(run.pid),
  );
  const mark = db.prepare("UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?) WHERE id = ?");
  for (const run of stale) mark.run(new Date().toISOString(), run.id);
  return stale.length;
}

/** How a source's part of a run ended (see src/crawl/source-outcome.ts). */
export function recordSourceOutcome(db: Db, runId: number, sourceId: string, outcome: string, reason: string | null): void {
  db.prepare(
    `INSERT INTO source_outcomes (run_id, source_id, outcome, reason) VALUES (?, ?, ?, ?)
    ON CONFLICT (run_id, source_id) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason`,
  ).run(runId, sourceId, outcome, reason);
}

/** The source's outcome in that run, or null (a run before outcomes were recorded, or one that did not end). */
export function sourceOutcomeOf(db: Db, runId: number, sourceId: string): { outcome: string; reason: string | null } | null {
  return (
    (db.prepare('SELECT outcome, reason FROM source_outcomes WHERE run_id = ? AND source_id = ?').get(runId, sourceId) as
      { outcome: string; reason: string | null } | undefined) ?? null
  );
}
