/**
 * The event outbox: the `events` table, appended to in the transaction that wrote the change, read
 * oldest first by delivery (each sink's place in it is its cursor, src/events/cursor.ts) and `events`.
 */
import { randomUUID } from 'node:crypto';
import type { EventDraft, EventRecorder } from '../archive/event-draft.js';
import type { ChangeSummary } from '../compare/change-summary.js';
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';
import { isHealthEvent, type ChangeEvent, type DocumentEvent, type HealthEvent, type HealthEventDraft } from './event.js';
import type { DocumentEventType, EventType, HealthEventType } from './event-types.js';

/** The outbox as the archive records into it. */
export function outboxRecorder(db: Db): EventRecorder {
  return {
    record: (draft, alerts) => void insertEvent(db, draft, alerts),
    alertsRaisedOnCreation: (documentIds, exceptId) => alertsRaisedOnCreation(db, documentIds, exceptId),
  };
}

/**
 * Appends an event to the outbox. Call inside the transaction that wrote the change, so the
 * change and its event are committed together or not at all.
 */
export function insertEvent(db: Db, draft: EventDraft, alerts: string[]): DocumentEvent {
  const event: DocumentEvent = {
    id: randomUUID(),
    type: draft.type,
    at: draft.at,
    source: draft.source,
    documentId: draft.documentId,
    url: draft.url,
    title: draft.title,
    version: draft.version,
    alerts,
    ...(draft.changes ? { changes: draft.changes } : {}),
  };
  statement(
    db,
    `INSERT INTO events (id, type, at, source_id, document_id, url, title, version, alerts, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.id,
    event.type,
    event.at,
    event.source,
    event.documentId,
    event.url,
    event.title,
    event.version,
    JSON.stringify(event.alerts),
    event.changes ? JSON.stringify(event.changes) : null,
  );
  return event;
}

/** Appends a health event (source.failed …): `source` and `reason`, no document fields. */
export function insertHealthEvent(db: Db, draft: HealthEventDraft, alerts: string[]): HealthEvent {
  const event: HealthEvent = { id: randomUUID(), type: draft.type, at: draft.at, source: draft.source, reason: draft.reason, alerts };
  statement(db, 'INSERT INTO events (id, type, at, source_id, alerts, reason) VALUES (?, ?, ?, ?, ?, ?)').run(
    event.id,
    event.type,
    event.at,
    event.source,
    JSON.stringify(event.alerts),
    event.reason,
  );
  return event;
}

/** An `events` row as the queries select it (seq aside): what decodeEvent() turns into a ChangeEvent. */
export interface EventRow {
  id: string;
  type: EventType;
  at: string;
  source: string;
  documentId: string | null;
  url: string | null;
  title: string | null;
  version: number | null;
  alerts: string;
  changes: string | null;
  reason: string | null;
}

/** An event as the outbox holds it: with its place in delivery order. */
export type StoredEvent = ChangeEvent & { seq: number };
export type StoredDocumentEvent = DocumentEvent & { seq: number };

export interface EventQuery {
  /** Only events recorded after the event with this id. */
  sinceId?: string;
  /** Only events with seq greater than this. */
  afterSeq?: number;
  type?: EventType;
  limit?: number;
}

/** Events oldest first. */
export function listEvents(db: Db, query: EventQuery = {}): StoredEvent[] {
  return selectEvents(db, query, false);
}

/** Document events only (no health events), oldest first. */
export function listDocumentEvents(db: Db, query: EventQuery = {}): StoredDocumentEvent[] {
  return selectEvents(db, query, true).filter((event): event is StoredDocumentEvent => !isHealthEvent(event));
}

function selectEvents(db: Db, query: EventQuery, documentsOnly: boolean): StoredEvent[] {
  const where: string[] = documentsOnly ? ["type LIKE 'document.%'"] : [];
  const params: (string | number)[] = [];
  if (query.sinceId !== undefined) {
    where.push('seq > coalesce((SELECT seq FROM events WHERE id = ?), -1)');
    params.push(query.sinceId);
  }
  if (query.afterSeq !== undefined) {
    where.push('seq > ?');
    params.push(query.afterSeq);
  }
  if (query.type) {
    where.push('type = ?');
    params.push(query.type);
  }
  const sql = `SELECT seq, id, type, at, source_id AS source, document_id AS documentId, url, title, version, alerts, changes, reason
    FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`;
  const rows = statement(db, sql).all(...params, query.limit ?? -1) as (EventRow & { seq: number })[];
  return rows.map(decodeEventRow);
}

/** Names of the alerts raised when these documents were created (other than `exceptId`). */
export function alertsRaisedOnCreation(db: Db, documentIds: string[], exceptId: string): Set<string> {
  const read = statement(db, "SELECT alerts FROM events WHERE document_id = ? AND type = 'document.created'", 'pluck');
  const raised = new Set<string>();
  for (const id of documentIds) {
    if (id === exceptId) continue;
    for (const alerts of read.all(id) as string[]) for (const name of JSON.parse(alerts) as string[]) raised.add(name);
  }
  return raised;
}

export function eventExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM events WHERE id = ?').get(id) !== undefined;
}

function decodeEventRow(row: EventRow & { seq: number }): StoredEvent {
  return { seq: row.seq, ...decodeEvent(row) };
}

/** The event a row holds: a health event (source.*) or a document event. */
export function decodeEvent(row: EventRow): ChangeEvent {
  const alerts = JSON.parse(row.alerts) as string[];
  if (row.type.startsWith('source.')) {
    return { id: row.id, type: row.type as HealthEventType, at: row.at, source: row.source, reason: row.reason ?? '', alerts };
  }
  return {
    id: row.id,
    type: row.type as DocumentEventType,
    at: row.at,
    source: row.source,
    documentId: row.documentId ?? '',
    url: row.url ?? '',
    title: row.title ?? '',
    version: row.version ?? 0,
    alerts,
    ...(row.changes ? { changes: JSON.parse(row.changes) as ChangeSummary } : {}),
  };
}
