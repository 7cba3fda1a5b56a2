/** The contract's document record (docs/contract.md; export jsonl line, search --json item, show --json), read from the store's rows. */
import { getAttachmentText } from './attachments.js';
import type { Db } from './database.js';
import { iterateDocuments, type SourceScope } from './documents.js';
import type { DocumentRow, VersionRow } from './records.js';
import { getVersion } from './versions.js';

/** A document at one version: the version's content and the document's identity and state. */
export interface DocumentRecord
  extends
    Pick<VersionRow, 'title' | 'publishedDate' | 'fields' | 'labels' | 'text' | 'attachments' | 'version' | 'contentHash'>,
    Pick<DocumentRow, 'id' | 'url' | 'status' | 'firstSeenAt' | 'lastChangedAt' | 'duplicateOf'> {
  /** The source id (DocumentRow's sourceId). */
  source: string;
}

export function toDocumentRecord(doc: DocumentRow, version: VersionRow): DocumentRecord {
  return {
    id: doc.id,
    source: doc.sourceId,
    url: doc.url,
    title: version.title,
    publishedDate: version.publishedDate,
    fields: version.fields,
    labels: version.labels,
    text: version.text,
    attachments: version.attachments,
    version: version.version,
    contentHash: version.contentHash,
    status: doc.status,
    firstSeenAt: doc.firstSeenAt,
    lastChangedAt: doc.lastChangedAt,
    duplicateOf: doc.duplicateOf,
  };
}

/** The record of a document at a version (default: its current one). */
export function documentRecord(db: Db, doc: DocumentRow, versionNumber = doc.currentVersion): DocumentRecord | undefined {
  const version = getVersion(db, doc.id, versionNumber);
  return version ? toDocumentRecord(doc, version) : undefined;
}

/** Latest version of every document (removed ones too), streamed. */
export function* iterateDocumentRecords(db: Db, sources?: SourceScope): Generator<DocumentRecord> {
  for (const doc of iterateDocuments(db, sources)) {
    const record = documentRecord(db, doc);
    if (record) yield record;
  }
}

/** An attachment of a record with its text (show --json, export jsonl); '' when no text was read. */
export type AttachmentWithText = DocumentRecord['attachments'][number] & { text?: string };

/** The record with each checked attachment's text added (links recorded before attachments were fetched have none). */
export function withAttachmentTexts(db: Db, record: DocumentRecord): DocumentRecord & { attachments: AttachmentWithText[] } {
  const attachments = record.attachments.map((entry): AttachmentWithText => {
    if (entry.status === undefined) return entry;
    return { ...entry, text: (entry.sha256 && (entry.textLength ?? 0) > 0 ? getAttachmentText(db, entry.sha256) : undefined) ?? '' };
  });
  return { ...record, attachments };
}
