/**
 * The events an Atom feed shows, newest first, with what an entry needs beyond the event record
 * (the source's name, the version's publication date). SELECTs only: runs on a read-only
 * connection (a web server's) as well as the CLI's.
 */
import type { ChangeSummary } from '../compare/change-summary.js';
import type { ChangeEvent } from '../events/event.js';
import type { EventType } from '../events/event-types.js';
import type { Db } from '../store/database.js';

/** Which events: everything (no key), one source's, the ones an alert rule matched, or both conditions. */
export interface FeedScope {
  sourceId?: string | undefined;
  alert?: string | undefined;
}

export interface FeedEvent extends ChangeEvent {
  sourceName: string;
  publishedDate: string | null;
}

interface FeedEventRow {
  id: string; type: EventType; at: string; source: string; documentId: string; url: string; title: string;
  version: number; alerts: string; changes: string | null; sourceName: string; publishedDate: string | null;
}

// Newest first by outbox order; the scope conditions are written so that one statement serves every
// scope (an unused parameter is NULL). Only document events make entries.
const FEED_EVENTS_SQL = `
SELECT e.id, e.type, e.at, e.source_id AS source, e.document_id AS documentId, e.url, e.title, e.version, e.alerts,
  e.changes, coalesce(nullif(s.name, ''), e.source_id) AS sourceName, v.published_date AS publishedDate
FROM events e
LEFT JOIN sources s ON s.id = e.source_id
LEFT JOIN versions v ON v.document_id = e.document_id AND v.version = e.version
WHERE e.type LIKE 'document.%'
  AND (:source IS NULL OR e.source_id = :source)
  AND (:alert IS NULL OR EXISTS (SELECT 1 FROM json_each(e.alerts) WHERE json_each.value = :alert))
ORDER BY e.seq DESC
LIMIT :limit`;

export function readFeedEvents(db: Db, scope: FeedScope, limit: number): FeedEvent[] {
  const rows = db.prepare(FEED_EVENTS_SQL).all({
    source: scope.sourceId ?? null,
    alert: scope.alert ?? null,
    limit,
  }) as FeedEventRow[];
  return rows.map(({ alerts, changes, ...row }) => ({
    ...row,
    alerts: JSON.parse(alerts) as string[],
    ...(changes ? { changes: JSON.parse(changes) as ChangeSummary } : {}),
  }));
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
