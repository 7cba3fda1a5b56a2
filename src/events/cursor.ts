import type { Db } from '../store/database.js';

/** A sink's place in the outbox: every event with seq <= deliveredSeq reached it. */
export interface SinkCursor {
  sinkId: string;
  label: string;
  deliveredSeq: number;
  updatedAt: string;
  lastError: string | null;
  failedAttempts: number;
}

const CURSOR_COLUMNS = `sink_id AS sinkId, label, delivered_seq AS deliveredSeq, updated_at AS updatedAt,
  last_error AS lastError, failed_attempts AS failedAttempts`;

/**
 * The sink's cursor, created the first time: at the start of the outbox (`beginning`: a new sink
 * gets every recorded event), or after the newest event (`now`: only what is recorded from then on).
 * `created` tells whether this call made it.
 */
export function openCursor(db: Db, sinkId: string, label: string, startAt: 'beginning' | 'now' = 'beginning'): SinkCursor & { created: boolean } {
  const created =
    db
      .prepare(
        `INSERT INTO sink_cursors (sink_id, label, delivered_seq, updated_at)
     VALUES (?, ?, CASE WHEN ? = 'now' THEN (SELECT coalesce(max(seq), 0) FROM events) ELSE 0 END, ?)
     ON CONFLICT (sink_id) DO NOTHING`,
      )
      .run(sinkId, label, startAt, new Date().toISOString()).changes > 0;
  if (!created) db.prepare('UPDATE sink_cursors SET label = ? WHERE sink_id = ? AND label <> ?').run(label, sinkId, label);
  return { ...(db.prepare(`SELECT ${CURSOR_COLUMNS} FROM sink_cursors WHERE sink_id = ?`).get(sinkId) as SinkCursor), created };
}

/** Moves the cursor forward (never back: two deliverers racing can only repeat events, not skip them). */
export function advanceCursor(db: Db, sinkId: string, seq: number): void {
  db.prepare('UPDATE sink_cursors SET delivered_seq = max(delivered_seq, ?), updated_at = ? WHERE sink_id = ?').run(seq, new Date().toISOString(), sinkId);
}

/** Records how a delivery attempt ended: null error resets the failure count. */
export function recordAttempt(db: Db, sinkId: string, error: string | null): void {
  db.prepare(
    `UPDATE sink_cursors SET last_error = ?, failed_attempts = CASE WHEN ? IS NULL THEN 0 ELSE failed_attempts + 1 END,
       updated_at = ? WHERE sink_id = ?`,
  ).run(error, error, new Date().toISOString(), sinkId);
}

export function listCursors(db: Db): SinkCursor[] {
  return db.prepare(`SELECT ${CURSOR_COLUMNS} FROM sink_cursors ORDER BY sink_id`).all() as SinkCursor[];
}

/** Events recorded after the cursor. */
export function countPending(db: Db, deliveredSeq: number): number {
  return db.prepare('SELECT count(*) FROM events WHERE seq > ?').pluck().get(deliveredSeq) as number;
}
