/**
 * The archive's write side: what a fetch means for the archive (a new document, a new version, no
 * change, a removal), which copies it duplicates, what changed and which event and alerts that
 * raises, decided here and persisted through src/store. Each method is one logical write and must
 * run inside a transaction (the WriteQueue gives it one), so a version and its event commit together.
 */
import { summarizeChange, type VersionContent } from '../compare/change-summary.js';
import { PermanentError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import type { Db } from '../store/database.js';
import { getBlob, putBlob, putEncodedBlob } from '../store/blobs.js';
import { scheduledDocument, setCheckSchedule } from '../store/check-schedule.js';
import {
  getDocumentByUrl,
  insertDocument,
  markFetched,
  markMissing,
  markNotModified,
  markUnreachable,
  setComparisonKey,
  setCurrentVersion,
} from '../store/documents.js';
import { clusterMembers } from '../store/duplicates.js';
import { documentIdFor } from '../store/ids.js';
import type { AttachmentEntry, DocumentRow, VersionRow } from '../store/records.js';
import { upsertSource, type SourceRow } from '../store/sources.js';
import { getVersion, insertVersion, setOriginalBody } from '../store/versions.js';
import { attachmentsBrought, type AttachmentComparison } from './attachment-changes.js';
import { attachmentChanges, compareWithCurrent, fillInCurrent, recordVersionAttachments, replayVersion, storeAttachments } from './attachments.js';
import { compareDocument, decideChange, keyOf, type ComparedDocument, type StoredCurrent } from './changes.js';
import { linkDuplicates } from './duplicates.js';
import type { AlertMatcher, EventDraft, EventRecorder } from './event-draft.js';
import { rereadVersion } from './reread.js';
import { nextCheck, type CheckOutcome } from './revisit-schedule.js';
import type { DocumentSnapshot, SnapshotAttachments, SnapshotOutcome } from './snapshot.js';

/** A known document is removed after answering 404/410 on this many consecutive runs. */
export const MISSING_RUNS_BEFORE_REMOVAL = 2;

export interface ArchiveOptions {
  /** The outbox (src/events/outbox.ts) the events are recorded in. */
  events: EventRecorder;
  /** @default no alert rule matches */
  matchAlerts?: AlertMatcher;
  /** The crawl run the versions are stored under. @default none (null) */
  runId?: number;
  /** What each check's next check counts from, and a source's longest interval. @default the check's own time; 30 days */
  revisit?: RevisitClock;
}

/** The revisit schedule's inputs (src/archive/revisit-schedule.ts). */
export interface RevisitClock {
  /** The run's start: next checks count from it, so the next day's run finds them due whatever the hour each page was fetched. */
  at?: Date;
  maxDays(sourceId: string): number;
}

const DEFAULT_REVISIT_MAX_DAYS = 30;

export class Archive {
  private readonly matchAlerts: AlertMatcher;
  private readonly events: EventRecorder;

  constructor(
    readonly db: Db,
    private readonly options: ArchiveOptions,
  ) {
    this.matchAlerts = options.matchAlerts ?? (() => []);
    this.events = options.events;
  }

  upsertSource(source: SourceRow): void {
    upsertSource(this.db, source);
  }

  /**
   * Stores a fetched document page (its attachments' files first): a new version only when its
   * text, title or canonical fields changed (src/archive/changes.ts decides, across extractor
   * upgrades too), or an attachment was added, removed or replaced (src/archive/attachments.ts).
   */
  recordSnapshot(snapshot: DocumentSnapshot): SnapshotOutcome {
    const attachments = storeAttachments(this.db, snapshot);
    const compared = snapshot.compared ?? compareDocument(snapshot.document);
    const existing = getDocumentByUrl(this.db, snapshot.url);
    if (!existing) {
      this.createDocument(snapshot, compared, attachments);
      this.scheduleCheck(snapshot.url, 'changed', snapshot.fetchedAt);
      return 'created';
    }
    markFetched(this.db, existing.id, snapshot.fetchedAt, snapshot);
    const change = decideChange(this.storedCurrent(existing), compared, snapshot);
    // The page's bytes say nothing about its files: attachments are compared apart.
    const attachmentChange = compareWithCurrent(this.db, existing, attachments);
    if (change.kind === 'unchanged' && !attachmentChange.changed) {
      this.scheduleCheck(snapshot.url, 'unchanged', snapshot.fetchedAt);
      if (change.refreshKey) this.refreshKey(existing, compared, attachments);
      if (attachmentChange.filledIn) fillInCurrent(this.db, existing, attachments);
      return 'unchanged';
    }
    const previous = change.kind === 'updated' ? change.previous : this.currentVersionOf(existing);
    this.addVersion(existing, snapshot, compared, previous, { entries: attachments, comparison: attachmentChange });
    return 'updated';
  }

  /**
   * A known document's page answered 304 and its attachments were checked again: a replaced file
   * makes a new version (the page's content as stored — read by the current extractor —, the new
   * attachments); else only the last-checked stamp moves. Returns what it did.
   */
  recordAttachmentsRecheck(url: string, checkedAt: string, snapshot: SnapshotAttachments): SnapshotOutcome {
    this.recordNotModified(url, checkedAt);
    const attachments = storeAttachments(this.db, snapshot);
    const existing = getDocumentByUrl(this.db, url);
    if (!existing) return 'unchanged';
    const comparison = compareWithCurrent(this.db, existing, attachments);
    if (!comparison.changed) {
      if (comparison.filledIn) fillInCurrent(this.db, existing, attachments);
      return 'unchanged';
    }
    const current = getVersion(this.db, existing.id, existing.currentVersion);
    if (!current) return 'unchanged';
    const replay = replayVersion(
      current,
      { sourceId: existing.sourceId, url, fetchedAt: checkedAt },
      getBlob(this.db, current.rawHash) ?? new Uint8Array(),
      snapshot.document.attachments,
    );
    // The new version is stored as the current extractor's: read the stored page with it.
    const reread = current.extractor === EXTRACTOR_VERSION ? null : rereadVersion(this.db, url, current);
    if (reread) replay.document = { ...reread, attachments: snapshot.document.attachments };
    this.addVersion(existing, replay, compareDocument(replay.document), current, { entries: attachments, comparison });
    return 'updated';
  }

  /** A conditional GET answered 304: only the last-checked stamp moves. */
  recordNotModified(url: string, checkedAt: string): void {
    markNotModified(this.db, url, checkedAt);
    this.scheduleCheck(url, 'unchanged', checkedAt);
  }

  /** A known document answered 404/410. Returns true when this run removed it. */
  recordMissing(url: string, checkedAt: string): boolean {
    const existing = getDocumentByUrl(this.db, url);
    if (!existing) return false;
    const missingCount = existing.missingCount + 1;
    const removes = existing.status === 'active' && missingCount >= MISSING_RUNS_BEFORE_REMOVAL;
    markMissing(this.db, existing.id, checkedAt, { missingCount, status: removes ? 'removed' : existing.status });
    // A first 404 is confirmed or refuted next run; a removed document is looked at less and less often.
    this.scheduleCheck(url, existing.status === 'active' && !removes ? 'missing' : 'unchanged', checkedAt);
    if (removes) {
      const current = getVersion(this.db, existing.id, existing.currentVersion);
      this.recordEvent({
        type: 'document.removed',
        at: checkedAt,
        source: existing.sourceId,
        documentId: existing.id,
        url,
        title: current?.title ?? '',
        version: existing.currentVersion,
        fields: current?.fields ?? {},
      });
    }
    return removes;
  }

  /**
   * A known document could not be fetched (timeout, 5xx, another failure). That never removes it,
   * and it breaks a streak of 404s: only consecutive runs that answered 404/410 remove.
   */
  recordUnreachable(url: string, checkedAt: string): void {
    markUnreachable(this.db, url, checkedAt);
    this.scheduleCheck(url, 'unreachable', checkedAt);
  }

  /** Moves the document's next check on by what this check found. */
  private scheduleCheck(url: string, outcome: CheckOutcome, checkedAt: string): void {
    const doc = scheduledDocument(this.db, url);
    if (!doc) return;
    const at = this.options.revisit?.at ?? new Date(checkedAt);
    const maxDays = this.options.revisit?.maxDays(doc.sourceId) ?? DEFAULT_REVISIT_MAX_DAYS;
    setCheckSchedule(this.db, doc.id, nextCheck(outcome, doc.intervalDays, at, maxDays));
  }

  private createDocument(snapshot: DocumentSnapshot, compared: ComparedDocument, attachments: AttachmentEntry[]): void {
    const id = documentIdFor(snapshot.url);
    insertDocument(this.db, {
      id,
      sourceId: snapshot.sourceId,
      url: snapshot.url,
      firstSeenAt: snapshot.fetchedAt,
      ...keyOf(compared),
      etag: snapshot.etag,
      lastModified: snapshot.lastModified,
    });
    this.insertVersion(id, 1, snapshot, compared.contentHash, attachments);
    const link = linkDuplicates(this.db, id, compared, filesWithText(attachments));
    const draft = { ...this.draftFor('document.created', id, 1, snapshot), attachments: alertFacts(attachments) };
    this.events.record(draft, this.alertsForNewCopy(draft, link.root));
  }

  /** A repost of a document already alerted on does not raise the same alert again. */
  private alertsForNewCopy(draft: EventDraft, root: string): string[] {
    const matched = this.matchAlerts(draft);
    if (matched.length === 0) return matched; // most documents match no rule: no cluster queries
    const raised = this.events.alertsRaisedOnCreation(clusterMembers(this.db, root), draft.documentId);
    return matched.filter((name) => !raised.has(name));
  }

  /** The current version, read from the store only as far as the decision asks. */
  private storedCurrent(existing: DocumentRow): StoredCurrent {
    let version: VersionRow | undefined;
    const current = (): VersionRow => (version ??= this.currentVersionOf(existing));
    return { key: existing, version: current, reread: () => rereadVersion(this.db, existing.url, current()) };
  }

  private currentVersionOf(existing: DocumentRow): VersionRow {
    const version = getVersion(this.db, existing.id, existing.currentVersion);
    // Only a database edited by hand lacks it: this page cannot be compared, the run goes on.
    if (!version) throw new PermanentError(`document ${existing.id}: expected a versions row for its current version ${existing.currentVersion}, found none`);
    return version;
  }

  /**
   * `previous`: what the change summary compares with (the stored version, or the current
   * extractor's reading of it, so an upgrade's own differences are not reported as the site's).
   */
  private addVersion(
    existing: DocumentRow,
    snapshot: DocumentSnapshot,
    compared: ComparedDocument,
    previous: VersionContent,
    attachments: NewAttachments,
  ): void {
    const version = existing.currentVersion + 1;
    this.insertVersion(existing.id, version, snapshot, compared.contentHash, attachments.entries);
    setCurrentVersion(this.db, existing.id, { currentVersion: version, ...keyOf(compared), lastChangedAt: snapshot.fetchedAt });
    this.scheduleCheck(existing.url, 'changed', snapshot.fetchedAt);
    this.relinkIfMoved(existing, compared, attachments);
    const changes = summarizeChange(previous, snapshot.document);
    if (attachments.comparison.changed) changes.attachments = attachmentChanges(this.db, attachments.comparison);
    this.recordEvent({
      ...this.draftFor('document.updated', existing.id, version, snapshot),
      changes,
      attachments: alertFacts(attachmentsBrought(attachments.comparison, attachments.entries)),
    });
  }

  /** Same version, compared from now on by the current extractor's reading: no version, no event. */
  private refreshKey(existing: DocumentRow, compared: ComparedDocument, attachments: AttachmentEntry[]): void {
    setComparisonKey(this.db, existing.id, keyOf(compared));
    if (existing.contentHash !== compared.contentHash) linkDuplicates(this.db, existing.id, compared, filesWithText(attachments));
  }

  /** Duplicate links follow the text's hash and the attachments' files: only when those moved may they have changed. */
  private relinkIfMoved(existing: DocumentRow, compared: ComparedDocument, attachments: NewAttachments): void {
    if (existing.contentHash === compared.contentHash && !attachments.comparison.changed) return;
    linkDuplicates(this.db, existing.id, compared, filesWithText(attachments.entries));
  }

  private insertVersion(documentId: string, version: number, snapshot: DocumentSnapshot, contentHash: string, attachments: AttachmentEntry[]): void {
    const { document: doc } = snapshot;
    insertVersion(this.db, {
      documentId,
      version,
      contentHash,
      title: doc.title,
      publishedDate: doc.publishedDate,
      fields: doc.fields,
      labels: doc.labels,
      text: doc.text,
      attachments,
      provenance: doc.provenance,
      fetchedAt: snapshot.fetchedAt,
      httpStatus: snapshot.httpStatus,
      responseHeaders: snapshot.responseHeaders,
      charset: snapshot.charset,
      charsetSource: snapshot.charsetSource,
      etag: snapshot.etag,
      lastModified: snapshot.lastModified,
      rawHash: snapshot.rawBlob ? putEncodedBlob(this.db, snapshot.rawBlob) : putBlob(this.db, snapshot.rawBody),
      runId: this.options.runId ?? null,
      extractor: EXTRACTOR_VERSION,
    });
    recordVersionAttachments(this.db, documentId, version, attachments);
    // Only browser-rendered versions have one; HTTP versions leave the column alone (NULL).
    if (snapshot.originalBody) setOriginalBody(this.db, documentId, version, putBlob(this.db, snapshot.originalBody));
  }

  private draftFor(type: EventDraft['type'], documentId: string, version: number, snapshot: DocumentSnapshot): EventDraft {
    return {
      type,
      at: snapshot.fetchedAt,
      source: snapshot.sourceId,
      documentId,
      url: snapshot.url,
      title: snapshot.document.title,
      version,
      fields: snapshot.document.fields,
    };
  }

  private recordEvent(draft: EventDraft): void {
    this.events.record(draft, this.matchAlerts(draft));
  }
}

/** A new version's attachment entries and how they differ from the current version's. */
interface NewAttachments {
  entries: AttachmentEntry[];
  comparison: AttachmentComparison;
}

/** Files whose text can link the document to pages that inline it. */
function filesWithText(entries: AttachmentEntry[]): string[] {
  return entries.flatMap((entry) => (entry.sha256 && (entry.textLength ?? 0) > 0 ? [entry.sha256] : []));
}

/** What alert rules read of attachments (see EventDraft.attachments). */
function alertFacts(entries: AttachmentEntry[]): NonNullable<EventDraft['attachments']> {
  return entries.map((entry) => ({ name: entry.name, url: entry.url, mediaType: entry.mediaType ?? null }));
}
