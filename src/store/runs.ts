import type { Db } from './database.js';

/** Per-source outcome counts of a run, stored in runs.counts. */
export interface SourceCounts {
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  notModified: number;
  removed: number;
  errors: number;
}

export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

export function emptyCounts(): SourceCounts {
  return { pages: 0, created: 0, updated: 0, unchanged: 0, notModified: 0, removed: 0, errors: 0 };
}

export function startRun(db: Db, sourceIds: string[], startedAt = new Date().toISOString()): number {
  const result = db
    .prepare("INSERT INTO runs (started_at, status, sources, pid) VALUES (?, 'running', ?, ?)")
    .run(startedAt, JSON.stringify(sourceIds), process.pid);
  return Number(result.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, status: RunStatus, counts: Record<string, SourceCounts>): void {
  db.prepare('UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?').run(
    new Date().toISOString(), status, JSON.stringify(counts), runId,
  );
}

/** Runs left 'running' by a process that died are marked interrupted, so stats never show them as live. */
export function markStaleRunsInterrupted(db: Db, isAlive: (pid: number) => boolean): number {
  const stale = (db.prepare("SELECT id, pid FROM runs WHERE status = 'running'").all() as { id: number; pid: number | null }[])
    .filter((run) => run.pid === null || !isAlive(run.pid));
  const mark = db.prepare("UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?) WHERE id = ?");
  for (const run of stale) mark.run(new Date().toISOString(), run.id);
  return stale.length;
}
