/**
 * The events an Atom feed shows, newest first, with what an entry needs beyond the event record
 * (the source's name, the version's publication date). SELECTs only: runs on a read-only
 * connection (a web server's) as well as the CLI's.
 */
import { isHealthEvent, type ChangeEvent } from '../events/event.js';
import { decodeEvent, type EventRow } from '../events/outbox.js';
import type { Db } from '../store/database.js';

/** Which events: everything (no key), one source's, the ones an alert rule matched, or both conditions. */
export interface FeedScope {
  sourceId?: string | undefined;
  alert?: string | undefined;
}

export type FeedEvent = ChangeEvent & {
  sourceName: string;
  publishedDate: string | null;
};

interface FeedEventRow extends EventRow {
  sourceName: string;
  publishedDate: string | null;
}

// Newest first by outbox order; the scope conditions are written so that one statement serves every
// scope (an unused parameter is NULL). Health events (source.failed …) make entries too: a feed
// reader is where many operators would first see that a source stopped working.
const FEED_EVENTS_SQL = `
SELECT e.id, e.type, e.at, e.source_id AS source, e.document_id AS documentId, e.url, e.title, e.version, e.alerts,
  e.changes, e.reason, coalesce(nullif(s.name, ''), e.source_id) AS sourceName, v.published_date AS publishedDate
FROM events e
LEFT JOIN sources s ON s.id = e.source_id
LEFT JOIN versions v ON v.document_id = e.document_id AND v.version = e.version
WHERE (:source IS NULL OR e.source_id = :source)
  AND (:alert IS NULL OR EXISTS (SELECT 1 FROM json_each(e.alerts) WHERE json_each.value = :alert))
ORDER BY e.seq DESC
LIMIT :limit`;

export function readFeedEvents(db: Db, scope: FeedScope, limit: number): FeedEvent[] {
  const rows = db.prepare(FEED_EVENTS_SQL).all({
    source: scope.sourceId ?? null,
    alert: scope.alert ?? null,
    limit,
  }) as FeedEventRow[];
  return rows.map(feedEvent);
}

function feedEvent(row: FeedEventRow): FeedEvent {
  const event = decodeEvent(row);
  return { ...event, sourceName: row.sourceName, publishedDate: isHealthEvent(event) ? null : row.publishedDate };
}

/** The source's configured name (its id when it has none), or null when the archive does not know it. */
export function readSourceName(db: Db, sourceId: string): string | null {
  const row = db.prepare('SELECT name FROM sources WHERE id = ?').get(sourceId) as { name: string } | undefined;
  return row ? row.name || sourceId : null;
}

/** True when some recorded event matched the alert rule of this name. */
export function alertWasRaised(db: Db, alert: string): boolean {
  return db.prepare('SELECT 1 FROM events, json_each(events.alerts) WHERE json_each.value = ? LIMIT 1').get(alert) !== undefined;
}
