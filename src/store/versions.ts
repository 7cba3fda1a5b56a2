import type { Db } from './database.js';
import type { VersionRecord } from './records.js';
import { statement } from './statements.js';

interface VersionRow {
  documentId: string; version: number; contentHash: string; title: string; publishedDate: string | null;
  fields: string; labels: string; text: string; attachments: string; provenance: string; fetchedAt: string;
  httpStatus: number; responseHeaders: string; charset: string; charsetSource: string; etag: string | null;
  lastModified: string | null; rawHash: string; runId: number | null;
}

const VERSION_COLUMNS = `document_id AS documentId, version, content_hash AS contentHash, title,
  published_date AS publishedDate, fields, labels, text, attachments, provenance, fetched_at AS fetchedAt,
  http_status AS httpStatus, response_headers AS responseHeaders, charset, charset_source AS charsetSource,
  etag, last_modified AS lastModified, raw_hash AS rawHash, run_id AS runId`;

export function getVersion(db: Db, documentId: string, version: number): VersionRecord | undefined {
  const row = statement(db, `SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? AND version = ?`).get(documentId, version);
  return row ? decodeVersionRow(row as VersionRow) : undefined;
}

/** All versions of a document, oldest first. */
export function listVersions(db: Db, documentId: string): VersionRecord[] {
  const rows = statement(db, `SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? ORDER BY version`).all(documentId);
  return (rows as VersionRow[]).map(decodeVersionRow);
}

function decodeVersionRow(row: VersionRow): VersionRecord {
  return {
    ...row,
    fields: JSON.parse(row.fields) as Record<string, string>,
    labels: JSON.parse(row.labels) as Record<string, string>,
    attachments: JSON.parse(row.attachments) as VersionRecord['attachments'],
    provenance: JSON.parse(row.provenance) as Record<string, string>,
    responseHeaders: JSON.parse(row.responseHeaders) as Record<string, string>,
  };
}
