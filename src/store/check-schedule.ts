/**
 * The revisit schedule's columns of `documents` (migration 010): each document's next check and the
 * interval that led to it, the crawl's view of the documents it may revisit, and the figures
 * `stats` shows about them.
 */
import type { Db } from './database.js';
import { statement } from './statements.js';

/** When a document is checked next, and the interval that led there (src/archive/revisit-schedule.ts decides). */
export interface CheckSchedule {
  intervalDays: number;
  /** ISO-8601. */
  nextCheckAt: string;
}

/** A document's place in the schedule. */
export interface ScheduledDocument {
  id: string;
  sourceId: string;
  intervalDays: number;
}

export function scheduledDocument(db: Db, url: string): ScheduledDocument | undefined {
  return statement(db, 'SELECT id, source_id AS sourceId, check_interval_days AS intervalDays FROM documents WHERE url = ?').get(url) as
    ScheduledDocument | undefined;
}

export function setCheckSchedule(db: Db, id: string, schedule: CheckSchedule): void {
  statement(db, 'UPDATE documents SET check_interval_days = ?, next_check_at = ? WHERE id = ?').run(schedule.intervalDays, schedule.nextCheckAt, id);
}

/** What the crawl knows of a document it may revisit. */
export interface RevisitCandidate {
  url: string;
  etag: string | null;
  lastModified: string | null;
  status: 'active' | 'removed';
  missingCount: number;
  /** Null: never scheduled (stored before migration 010), due. */
  nextCheckAt: string | null;
  /** The current version's published date (YYYY-MM-DD), else when the document was first seen: how recent it is. */
  recency: string;
}

/**
 * Every known document of a source, with what deciding its revisit needs. Returned whole, not
 * streamed: an open better-sqlite3 iterator must not span an await while other sources write.
 */
export function revisitCandidates(db: Db, sourceId: string): RevisitCandidate[] {
  return db
    .prepare(
      `SELECT d.url, d.etag, d.last_modified AS lastModified, d.status, d.missing_count AS missingCount,
      d.next_check_at AS nextCheckAt, coalesce(v.published_date, substr(d.first_seen_at, 1, 10)) AS recency
    FROM documents d LEFT JOIN versions v ON v.document_id = d.id AND v.version = d.current_version
    WHERE d.source_id = ? ORDER BY d.first_seen_at, d.id`,
    )
    .all(sourceId) as RevisitCandidate[];
}

/** When a source's documents were last checked, and how many have a next check up to `dueBy` (ISO-8601). */
export interface CheckSummary {
  /** The longest-unchecked document's last check (ISO-8601); null without documents. */
  oldestCheck: string | null;
  medianCheck: string | null;
  /** Documents whose next check has come (or that were never scheduled); a 404 awaiting confirmation too. */
  due: number;
}

export function checkSummary(db: Db, sourceId: string, dueBy: string): CheckSummary {
  const total = db.prepare('SELECT count(*) FROM documents WHERE source_id = ?').pluck().get(sourceId) as number;
  const nth = (offset: number) =>
    db.prepare('SELECT last_checked_at FROM documents WHERE source_id = ? ORDER BY last_checked_at LIMIT 1 OFFSET ?').pluck().get(sourceId, offset) as
      string | undefined;
  // A database read without migrating (read-only commands on an older archive) has no schedule: every document is due.
  const scheduled = db.prepare("SELECT 1 FROM pragma_table_info('documents') WHERE name = 'next_check_at'").get() !== undefined;
  const due = scheduled
    ? (db
        .prepare(
          `SELECT count(*) FROM documents WHERE source_id = ?
        AND (next_check_at IS NULL OR next_check_at <= ? OR (status = 'active' AND missing_count > 0))`,
        )
        .pluck()
        .get(sourceId, dueBy) as number)
    : total;
  return { oldestCheck: nth(0) ?? null, medianCheck: total ? (nth(Math.floor((total - 1) / 2)) ?? null) : null, due };
}
