/**
 * The event types, defined once: the config schema (alert rules' `on`, sink filters), the CLI
 * (`events --type`), the archive, the crawl's health check and the outbox all read these lists.
 * Constants only, so any stage may import it.
 *
 * Document events say what happened to a document; health events say how a source is doing
 * (they carry `source` and a `reason`, no document fields).
 */
export const DOCUMENT_EVENT_TYPES = ['document.created', 'document.updated', 'document.removed'] as const;
export const HEALTH_EVENT_TYPES = ['source.failed', 'source.recovered', 'source.silent'] as const;
export const EVENT_TYPES = [...DOCUMENT_EVENT_TYPES, ...HEALTH_EVENT_TYPES] as const;

export type DocumentEventType = (typeof DOCUMENT_EVENT_TYPES)[number];
export type HealthEventType = (typeof HEALTH_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];

export function isHealthEventType(type: EventType): type is HealthEventType {
  return (HEALTH_EVENT_TYPES as readonly string[]).includes(type);
}
