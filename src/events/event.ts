/**
 * Change events: the contract's event record (docs/contract.md): ndjson sink line, webhook body, `events --json` item.
 *
 * - `document.created`: a document URL was stored for the first time (version 1).
 * - `document.updated`: its comparison text or title changed (never for view counters, sidebars,
 *   comment lists or other page chrome, which extraction removes before comparison); `version` is
 *   the new version and `changes` says what changed.
 * - `document.removed`: the URL answered 404/410 on 2 consecutive runs (a timeout or 5xx never removes).
 *
 * `id` is assigned once when the event is recorded and never changes, so receivers de-duplicate by
 * it across retries. Events are written in the same transaction as the change that caused them.
 */
import type { EventDraft } from '../archive/event-draft.js';

/** A recorded event: the archive's draft (without the fields alert rules read), its id and the alerts it raised. */
export interface ChangeEvent extends Omit<EventDraft, 'fields' | 'attachments'> {
  id: string;
  alerts: string[];
}

/** The event as sinks and `events --json` show it: the contract's fields (plus `changes`), in a fixed order. */
export function publicEvent(event: ChangeEvent): ChangeEvent {
  return {
    id: event.id, type: event.type, at: event.at, source: event.source, documentId: event.documentId,
    url: event.url, title: event.title, version: event.version, alerts: event.alerts,
    ...(event.changes ? { changes: event.changes } : {}),
  };
}
