import type { Db } from '../store/database.js';
import type { SourceCounts } from '../store/runs.js';
import { latestOfSource, measureCoverage, type Coverage } from './coverage.js';
import { coverageDrops, latestRunWithVersions, type CoverageDrop } from './health.js';

/** What `stats` reports for one source. */
export interface SourceStats {
  source: string;
  name: string;
  documents: { total: number; active: number; removed: number; duplicates: number };
  versions: number;
  lastRun: {
    id: number;
    startedAt: string;
    finishedAt: string | null;
    status: string;
    counts: SourceCounts;
    /** How the source's part of the run ended (ok, degraded, failed) and why; null for runs before outcomes were recorded. */
    outcome: string | null;
    outcomeReason: string | null;
  } | null;
  errors: { lastRun: number; recentRuns: number; recentRunCount: number };
  /** Over the latest version of each active document. */
  coverage: Coverage;
  /** Coverage drops of the newest run that wrote versions (extraction health). */
  health: CoverageDrop[];
}

/** Runs whose errors are summed in `errors.recentRuns`. */
const RECENT_RUNS = 10;

/** Per source: configured ones first (in config order), then any others the archive holds. */
export function collectStats(db: Db, configured: { id: string; name: string }[]): SourceStats[] {
  const names = new Map(configured.map((source) => [source.id, source.name]));
  const stored = db.prepare('SELECT id, name FROM sources ORDER BY id').all() as { id: string; name: string }[];
  for (const source of stored) if (!names.has(source.id)) names.set(source.id, source.name);
  return [...names].map(([id, name]) => sourceStats(db, id, name));
}

function sourceStats(db: Db, sourceId: string, name: string): SourceStats {
  const documents = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(status = 'active'), 0) AS active,
      coalesce(sum(status = 'removed'), 0) AS removed, coalesce(sum(duplicate_of IS NOT NULL), 0) AS duplicates
    FROM documents WHERE source_id = ?`,
    )
    .get(sourceId) as SourceStats['documents'];
  const versions = db.prepare('SELECT count(*) FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.source_id = ?').pluck().get(sourceId) as number;
  const runs = recentRuns(db, sourceId);
  const lastRun = runs[0] ?? null;
  const runWithVersions = latestRunWithVersions(db, sourceId);
  return {
    source: sourceId,
    name,
    documents,
    versions,
    lastRun,
    errors: {
      lastRun: lastRun?.counts.errors ?? 0,
      recentRuns: runs.reduce((sum, run) => sum + (run.counts.errors ?? 0), 0),
      recentRunCount: runs.length,
    },
    coverage: measureCoverage(db, latestOfSource(sourceId)),
    health: runWithVersions === undefined ? [] : coverageDrops(db, sourceId, runWithVersions),
  };
}

function recentRuns(db: Db, sourceId: string): NonNullable<SourceStats['lastRun']>[] {
  // An archive written before migration 007 (read without migrating) has no outcomes yet.
  const outcomes = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'source_outcomes'").get() !== undefined;
  const rows = db
    .prepare(
      `SELECT r.id, r.started_at AS startedAt, r.finished_at AS finishedAt, r.status, c.value AS counts,
      ${outcomes ? 'o.outcome, o.reason AS outcomeReason' : 'NULL AS outcome, NULL AS outcomeReason'}
    FROM runs r JOIN json_each(r.counts) c ${outcomes ? 'LEFT JOIN source_outcomes o ON o.run_id = r.id AND o.source_id = c.key' : ''}
    WHERE c.key = ? ORDER BY r.id DESC LIMIT ?`,
    )
    .all(sourceId, RECENT_RUNS) as {
    id: number;
    startedAt: string;
    finishedAt: string | null;
    status: string;
    counts: string;
    outcome: string | null;
    outcomeReason: string | null;
  }[];
  return rows.map((row) => ({ ...row, counts: JSON.parse(row.counts) as SourceCounts }));
}
