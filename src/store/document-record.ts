import type { Db } from './database.js';
import { iterateDocuments } from './documents.js';
import type { DocumentRow, VersionRecord } from './records.js';
import { getVersion } from './versions.js';

/** The contract's document record: export jsonl line, search --json item, show --json. */
export interface DocumentRecord {
  id: string;
  source: string;
  url: string;
  title: string;
  publishedDate: string | null;
  fields: Record<string, string>;
  labels: Record<string, string>;
  text: string;
  attachments: { url: string; name: string }[];
  version: number;
  contentHash: string;
  status: 'active' | 'removed';
  firstSeenAt: string;
  lastChangedAt: string;
  duplicateOf: string | null;
}

export function toDocumentRecord(doc: DocumentRow, version: VersionRecord): DocumentRecord {
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
export function* iterateDocumentRecords(db: Db, sourceId?: string): Generator<DocumentRecord> {
  for (const doc of iterateDocuments(db, sourceId)) {
    const record = documentRecord(db, doc);
    if (record) yield record;
  }
}
