/**
 * The change event types, defined once: the config schema (alert rules' `on`), the CLI (`events
 * --type`), the archive and the outbox all read this list. Constants only, so any stage may import it.
 */
export const EVENT_TYPES = ['document.created', 'document.updated', 'document.removed'] as const;

export type EventType = (typeof EVENT_TYPES)[number];
