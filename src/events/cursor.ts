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

/** The sink's cursor, created at the start of the outbox the first time: a new sink gets every recorded event. */
export function openCursor(db: Db, sinkId: string, label: string): SinkCursor {
  db.prepare(
    `INSERT INTO sink_cursors (sink_id, label, delivered_seq, updated_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (sink_id) DO UPDATE SET label = excluded.label`,
  ).run(sinkId, label, new Date().toISOString());
  return db.prepare(`SELECT ${CURSOR_COLUMNS} FROM sink_cursors WHERE sink_id = ?`).get(sinkId) as SinkCursor;
}

/** Moves the cursor forward (never back: two deliverers racing can only repeat events, not skip them). */
export function advanceCursor(db: Db, sinkId: string, seq: number): void {
  db.prepare('UPDATE sink_cursors SET delivered_seq = max(delivered_seq, ?), updated_at = ? WHERE sink_id = ?').run(
    seq, new Date().toISOString(), sinkId,
  );
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
