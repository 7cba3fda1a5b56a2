/**
 * An event the archive decided on: what happened to which document. The outbox (src/events/outbox.ts)
 * gives it its id and records it, with the names of the alert rules it matched, in the same
 * transaction as the change; the archive sits below the events stage and reaches the outbox only
 * through the EventRecorder it is given.
 */
import type { ChangeSummary } from '../compare/change-summary.js';
import type { DocumentEventType } from '../events/event-types.js';

export interface EventDraft {
  type: DocumentEventType;
  at: string;
  source: string;
  documentId: string;
  url: string;
  title: string;
  version: number;
  /** What an update changed (document.updated only). */
  changes?: ChangeSummary;
  /** The version's canonical fields, for alert rules; not part of the recorded event. */
  fields?: Record<string, string>;
  /**
   * The attachments the event brings, for alert rules (not part of the recorded event): all of a
   * new document's, those an update added or replaced. mediaType is null when no file was fetched.
   */
  attachments?: { name: string; url: string; mediaType: string | null }[];
}

/** Decides which alert rules an event matches (src/events/alerts.ts compiles it from the config). */
export type AlertMatcher = (draft: EventDraft) => string[];

/** Where the archive's events go: the outbox, written inside the archive's transaction. */
export interface EventRecorder {
  record(draft: EventDraft, alerts: string[]): void;
  /** Names of the alerts raised when these documents were created (other than `exceptId`). */
  alertsRaisedOnCreation(documentIds: string[], exceptId: string): Set<string>;
}
