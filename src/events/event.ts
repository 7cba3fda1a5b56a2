/**
 * Events: the contract's event record (docs/contract.md): ndjson sink line, webhook body, `events --json` item.
 *
 * Document events:
 * - `document.created`: a document URL was stored for the first time (version 1).
 * - `document.updated`: its comparison text or title changed (never for view counters, sidebars,
 *   comment lists or other page chrome, which extraction removes before comparison); `version` is
 *   the new version and `changes` says what changed.
 * - `document.removed`: the URL answered 404/410 on 2 consecutive runs (a timeout or 5xx never removes).
 *
 * Health events (src/crawl/source-health.ts), about a source, with a one-line `reason`:
 * - `source.failed`: no start URL could be read (once per streak of failed runs).
 * - `source.recovered`: a source that had failed could be read again.
 * - `source.silent`: a source that yielded documents offered none for N runs in a row, or the
 *   field coverage of its new versions collapsed (a redesign the extractor no longer reads).
 *
 * `id` is assigned once when the event is recorded and never changes, so receivers de-duplicate by
 * it across retries. Document events are written in the same transaction as the change that caused them.
 */
import type { EventDraft } from '../archive/event-draft.js';
import type { HealthEventType } from './event-types.js';

/** A recorded document event: the archive's draft (without the fields alert rules read), its id and the alerts it raised. */
export interface DocumentEvent extends Omit<EventDraft, 'fields' | 'attachments'> {
  id: string;
  alerts: string[];
}

/** What the crawl decided about a source's health, before the outbox gives it an id. */
export interface HealthEventDraft {
  type: HealthEventType;
  at: string;
  source: string;
  /** One line: what failed (or came back, or fell silent) and, where known, what to check. */
  reason: string;
}

export interface HealthEvent extends HealthEventDraft {
  id: string;
  alerts: string[];
}

export type ChangeEvent = DocumentEvent | HealthEvent;

export function isHealthEvent(event: ChangeEvent): event is HealthEvent {
  return event.type.startsWith('source.');
}

/** The event as sinks and `events --json` show it: the contract's fields (plus `changes`), in a fixed order. */
export function publicEvent(event: ChangeEvent): ChangeEvent {
  if (isHealthEvent(event)) {
    return { id: event.id, type: event.type, at: event.at, source: event.source, reason: event.reason, alerts: event.alerts };
  }
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    source: event.source,
    documentId: event.documentId,
    url: event.url,
    title: event.title,
    version: event.version,
    alerts: event.alerts,
    ...(event.changes ? { changes: event.changes } : {}),
  };
}

/** What a one-line listing shows for the event: the document's title, or the health event's reason. */
export function eventHeadline(event: ChangeEvent): string {
  return isHealthEvent(event) ? event.reason : event.title;
}

/** The document version of a document event; empty for a health event. */
export function eventVersionText(event: ChangeEvent): string {
  return isHealthEvent(event) ? '' : String(event.version);
}
