/**
 * What a message needs beyond the event record: the bureau's name and the document's publication
 * date. Both live in the archive (sources, versions), so sinks read them at send time instead of
 * widening the event record every receiver already parses. Reads only: works on a read-only
 * connection too (the Atom feed under `serve`).
 */
import type { Db } from '../../store/database.js';
import type { ChangeEvent } from '../event.js';

export interface EventDetails {
  /** The source's configured name, or its id when it has none. */
  sourceName: string;
  /** YYYY-MM-DD of the event's version, or null when the page gave none. */
  publishedDate: string | null;
}

/** A health event has no document: its details are the source's name and no date. */
export type EventDetailsReader = (event: Pick<ChangeEvent, 'source'> & { documentId?: string; version?: number }) => EventDetails;

export function eventDetailsReader(db: Db): EventDetailsReader {
  const sourceName = db.prepare('SELECT name FROM sources WHERE id = ?').pluck();
  const publishedDate = db.prepare('SELECT published_date FROM versions WHERE document_id = ? AND version = ?').pluck();
  return (event) => ({
    sourceName: (sourceName.get(event.source) as string | undefined) || event.source,
    publishedDate: event.documentId === undefined ? null : ((publishedDate.get(event.documentId, event.version) as string | null | undefined) ?? null),
  });
}

/** For sinks used without an archive (tests, tools): the source id as its name, no date. */
export const NO_DETAILS: EventDetailsReader = (event) => ({ sourceName: event.source, publishedDate: null });
