import { summarizeChange } from '../compare/change-summary.js';
import { comparisonText } from '../compare/comparison-text.js';
import { clusterMembers, linkDuplicates } from '../dedupe/link.js';
import type { EventDraft } from '../events/event.js';
import { sha256Hex } from '../hash.js';
import { putBlob } from './blobs.js';
import type { Db } from './database.js';
import { getDocumentByUrl } from './documents.js';
import { documentIdFor } from './ids.js';
import { alertsRaisedOnCreation, insertEvent, type AlertMatcher } from './outbox.js';
import type { DocumentRow, DocumentSnapshot, SnapshotOutcome } from './records.js';
import { getVersion } from './versions.js';
import { statement } from './statements.js';

/** A snapshot's comparison form and hashes, computed once per snapshot. */
interface Compared {
  comparison: string;
  contentHash: string;
  titleHash: string;
}

/** A known document is removed after answering 404/410 on this many consecutive runs. */
export const MISSING_RUNS_BEFORE_REMOVAL = 2;

export interface ArchiveOptions {
  matchAlerts?: AlertMatcher;
  runId?: number;
}

/**
 * The archive's write side. Each method is one logical write and must run inside a transaction
 * (the WriteQueue gives it one), so a version and the event it causes commit together.
 */
export class Archive {
  private readonly matchAlerts: AlertMatcher;

  constructor(readonly db: Db, private readonly options: ArchiveOptions = {}) {
    this.matchAlerts = options.matchAlerts ?? (() => []);
  }

  upsertSource(source: { id: string; name: string; startUrls: string[] }): void {
    const now = new Date().toISOString();
    statement(this.db, 
      `INSERT INTO sources (id, name, start_urls, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, start_urls = excluded.start_urls, updated_at = excluded.updated_at`,
    ).run(source.id, source.name, JSON.stringify(source.startUrls), now, now);
  }

  /** Stores a fetched document page: a new version only when its comparison text or title changed. */
  recordSnapshot(snapshot: DocumentSnapshot): SnapshotOutcome {
    const comparison = comparisonText(snapshot.document.text);
    const contentHash = sha256Hex(comparison);
    const titleHash = sha256Hex(comparisonText(snapshot.document.title));
    const existing = getDocumentByUrl(this.db, snapshot.url);
    if (!existing) {
      this.createDocument(snapshot, { comparison, contentHash, titleHash });
      return 'created';
    }
    statement(this.db, 
      `UPDATE documents SET last_checked_at = ?, etag = ?, last_modified = ?, missing_count = 0, status = 'active'
       WHERE id = ?`,
    ).run(snapshot.fetchedAt, snapshot.etag, snapshot.lastModified, existing.id);
    if (existing.contentHash === contentHash && existing.titleHash === titleHash) return 'unchanged';
    this.addVersion(existing, snapshot, { comparison, contentHash, titleHash });
    return 'updated';
  }

  /** A conditional GET answered 304: only the last-checked stamp moves. */
  recordNotModified(url: string, checkedAt: string): void {
    statement(this.db, `UPDATE documents SET last_checked_at = ?, missing_count = 0, status = 'active' WHERE url = ?`).run(checkedAt, url);
  }

  /** A known document answered 404/410. Returns true when this run removed it. */
  recordMissing(url: string, checkedAt: string): boolean {
    const existing = getDocumentByUrl(this.db, url);
    if (!existing) return false;
    const missingCount = existing.missingCount + 1;
    const removes = existing.status === 'active' && missingCount >= MISSING_RUNS_BEFORE_REMOVAL;
    statement(this.db, `UPDATE documents SET last_checked_at = ?, missing_count = ?, status = ? WHERE id = ?`).run(
      checkedAt, missingCount, removes ? 'removed' : existing.status, existing.id,
    );
    if (removes) {
      const current = getVersion(this.db, existing.id, existing.currentVersion);
      this.recordEvent({
        type: 'document.removed', at: checkedAt, source: existing.sourceId, documentId: existing.id, url,
        title: current?.title ?? '', version: existing.currentVersion, fields: current?.fields ?? {},
      });
    }
    return removes;
  }

  /**
   * A known document could not be fetched (timeout, 5xx, another failure). That never removes it,
   * and it breaks a streak of 404s: only consecutive runs that answered 404/410 remove.
   */
  recordUnreachable(url: string, checkedAt: string): void {
    statement(this.db, 'UPDATE documents SET last_checked_at = ?, missing_count = 0 WHERE url = ?').run(checkedAt, url);
  }

  private createDocument(snapshot: DocumentSnapshot, { comparison, contentHash, titleHash }: Compared): void {
    const id = documentIdFor(snapshot.url);
    statement(this.db, 
      `INSERT INTO documents (id, source_id, url, status, first_seen_at, last_changed_at, last_checked_at,
         current_version, content_hash, title_hash, etag, last_modified)
       VALUES (?, ?, ?, 'active', ?, ?, ?, 1, ?, ?, ?, ?)`,
    ).run(id, snapshot.sourceId, snapshot.url, snapshot.fetchedAt, snapshot.fetchedAt, snapshot.fetchedAt,
      contentHash, titleHash, snapshot.etag, snapshot.lastModified);
    this.insertVersion(id, 1, snapshot, contentHash);
    const link = linkDuplicates(this.db, id, comparison, contentHash);
    const draft = this.draftFor('document.created', id, 1, snapshot);
    insertEvent(this.db, draft, this.alertsForNewCopy(draft, link.root));
  }

  /** A repost of a document already alerted on does not raise the same alert again. */
  private alertsForNewCopy(draft: EventDraft, root: string): string[] {
    const matched = this.matchAlerts(draft);
    if (matched.length === 0) return matched; // most documents match no rule: no cluster queries
    const raised = alertsRaisedOnCreation(this.db, clusterMembers(this.db, root), draft.documentId);
    return matched.filter((name) => !raised.has(name));
  }

  private addVersion(existing: DocumentRow, snapshot: DocumentSnapshot, { comparison, contentHash, titleHash }: Compared): void {
    const version = existing.currentVersion + 1;
    const previous = getVersion(this.db, existing.id, existing.currentVersion);
    this.insertVersion(existing.id, version, snapshot, contentHash);
    statement(this.db, 
      `UPDATE documents SET current_version = ?, content_hash = ?, title_hash = ?, last_changed_at = ? WHERE id = ?`,
    ).run(version, contentHash, titleHash, snapshot.fetchedAt, existing.id);
    if (contentHash !== existing.contentHash) linkDuplicates(this.db, existing.id, comparison, contentHash);
    const changes = previous ? summarizeChange(previous, snapshot.document) : undefined;
    this.recordEvent({ ...this.draftFor('document.updated', existing.id, version, snapshot), ...(changes ? { changes } : {}) });
  }

  private insertVersion(documentId: string, version: number, snapshot: DocumentSnapshot, contentHash: string): void {
    const doc = snapshot.document;
    const rawHash = putBlob(this.db, snapshot.rawBody);
    statement(this.db, 
      `INSERT INTO versions (document_id, version, content_hash, title, published_date, fields, labels, text,
         attachments, provenance, fetched_at, http_status, response_headers, charset, charset_source, etag,
         last_modified, raw_hash, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(documentId, version, contentHash, doc.title, doc.publishedDate, JSON.stringify(doc.fields),
      JSON.stringify(doc.labels), doc.text, JSON.stringify(doc.attachments), JSON.stringify(doc.provenance),
      snapshot.fetchedAt, snapshot.httpStatus, JSON.stringify(snapshot.responseHeaders), snapshot.charset,
      snapshot.charsetSource, snapshot.etag, snapshot.lastModified, rawHash, this.options.runId ?? null);
    // Only browser-rendered versions have one; HTTP versions leave the column alone (NULL).
    if (snapshot.originalBody) {
      statement(this.db, 'UPDATE versions SET original_hash = ? WHERE document_id = ? AND version = ?')
        .run(putBlob(this.db, snapshot.originalBody), documentId, version);
    }
  }

  private draftFor(type: EventDraft['type'], documentId: string, version: number, snapshot: DocumentSnapshot): EventDraft {
    return {
      type, at: snapshot.fetchedAt, source: snapshot.sourceId, documentId, url: snapshot.url,
      title: snapshot.document.title, version, fields: snapshot.document.fields,
    };
  }

  private recordEvent(draft: EventDraft): void {
    insertEvent(this.db, draft, this.matchAlerts(draft));
  }
}
