/**
 * The reads only the web view needs (SELECTs only: it runs on a read-only connection). Everything
 * the CLI shows too comes from the modules the CLI uses (search, stats, archive history, outbox).
 */
import { listEvents, type StoredEvent } from '../events/outbox.js';
import type { EventType } from '../events/event-types.js';
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';

export interface SourceSummary {
  id: string;
  name: string;
  documents: number;
}

/** Every source the archive holds, with its document count. */
export function listSources(db: Db): SourceSummary[] {
  return statement(
    db,
    `SELECT s.id, s.name, (SELECT count(*) FROM documents d WHERE d.source_id = s.id) AS documents
    FROM sources s ORDER BY s.id`,
  ).all() as SourceSummary[];
}

export interface RunOfSource {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  /** This source's outcome in the run (ok, degraded, failed) and why; null for a run that did not record one. */
  outcome: string | null;
  reason: string | null;
  /** This source's counts in the run (pages, created, updated … errors; whatever the crawl recorded). */
  counts: Record<string, unknown>;
}

/** The source's newest runs, newest first. A run still going has no counts for it yet. */
export function runsOfSource(db: Db, sourceId: string, limit: number): RunOfSource[] {
  const rows = statement(
    db,
    `SELECT r.id, r.started_at AS startedAt, r.finished_at AS finishedAt, r.status,
      o.outcome, o.reason, json_extract(r.counts, '$.' || json_quote(?)) AS counts
    FROM runs r LEFT JOIN source_outcomes o ON o.run_id = r.id AND o.source_id = ?
    WHERE EXISTS (SELECT 1 FROM json_each(r.sources) WHERE value = ?) ORDER BY r.id DESC LIMIT ?`,
  ).all(sourceId, sourceId, sourceId, limit) as (Omit<RunOfSource, 'counts'> & { counts: string | null })[];
  return rows.map((row) => ({ ...row, counts: row.counts ? (JSON.parse(row.counts) as Record<string, unknown>) : {} }));
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

/** The source's documents (latest versions) per month of publication, oldest first, and how many have no date. */
export function documentsByMonth(db: Db, sourceId: string): { months: MonthCount[]; undated: number } {
  const rows = statement(
    db,
    `SELECT substr(v.published_date, 1, 7) AS month, count(*) AS count
    FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.current_version
    WHERE d.source_id = ? GROUP BY month ORDER BY month`,
  ).all(sourceId) as { month: string | null; count: number }[];
  return {
    months: rows.filter((row): row is MonthCount => row.month !== null),
    undated: rows.find((row) => row.month === null)?.count ?? 0,
  };
}

export interface EventPage {
  /** Newest first. */
  events: StoredEvent[];
  /** seq to ask for the next (older) page with, when there is one. */
  olderThan: number | null;
}

/** A page of the outbox, newest first: events with seq below `before` (all when undefined). */
export function eventsNewestFirst(db: Db, query: { before?: number; type?: EventType; limit: number }): EventPage {
  // The oldest event of the page, found on the index; then listEvents reads the page oldest first.
  const oldest = statement(db, `SELECT seq FROM events WHERE seq < ? AND (? IS NULL OR type = ?) ORDER BY seq DESC LIMIT 1 OFFSET ?`, 'pluck').get(
    query.before ?? Number.MAX_SAFE_INTEGER,
    query.type ?? null,
    query.type ?? null,
    query.limit - 1,
  ) as number | undefined;
  const events = listEvents(db, {
    afterSeq: (oldest ?? 0) - 1,
    ...(query.type ? { type: query.type } : {}),
    limit: query.limit,
  })
    .filter((event) => query.before === undefined || event.seq < query.before)
    .reverse();
  const last = events.at(-1);
  const more =
    last !== undefined &&
    statement(db, 'SELECT 1 FROM events WHERE seq < ? AND (? IS NULL OR type = ?) LIMIT 1', 'pluck').get(last.seq, query.type ?? null, query.type ?? null) !==
      undefined;
  return { events, olderThan: more ? last.seq : null };
}
