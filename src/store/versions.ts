/** The `versions` table: every distinct version of a document, written once and never changed. */
import type { Db } from './database.js';
import type { VersionRow } from './records.js';
import { statement } from './statements.js';

/** A versions row as SQLite returns it: the JSON columns still text. */
interface EncodedVersionRow {
  documentId: string;
  version: number;
  contentHash: string;
  title: string;
  publishedDate: string | null;
  fields: string;
  labels: string;
  text: string;
  attachments: string;
  provenance: string;
  fetchedAt: string;
  httpStatus: number;
  responseHeaders: string;
  charset: string;
  charsetSource: string;
  etag: string | null;
  lastModified: string | null;
  rawHash: string;
  runId: number | null;
  extractor: number | null;
}

const VERSION_COLUMNS = `document_id AS documentId, version, content_hash AS contentHash, title,
  published_date AS publishedDate, fields, labels, text, attachments, provenance, fetched_at AS fetchedAt,
  http_status AS httpStatus, response_headers AS responseHeaders, charset, charset_source AS charsetSource,
  etag, last_modified AS lastModified, raw_hash AS rawHash, run_id AS runId, extractor`;

export function getVersion(db: Db, documentId: string, version: number): VersionRow | undefined {
  const row = statement(db, `SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? AND version = ?`).get(documentId, version);
  return row ? decodeVersionRow(row as EncodedVersionRow) : undefined;
}

/** All versions of a document, oldest first. */
export function listVersions(db: Db, documentId: string): VersionRow[] {
  const rows = statement(db, `SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? ORDER BY version`).all(documentId);
  return (rows as EncodedVersionRow[]).map(decodeVersionRow);
}

/** Writes a new version (the search indexes follow by trigger). Its raw body must already be in `blobs`. */
export function insertVersion(db: Db, row: VersionRow): void {
  statement(
    db,
    `INSERT INTO versions (document_id, version, content_hash, title, published_date, fields, labels, text,
       attachments, provenance, fetched_at, http_status, response_headers, charset, charset_source, etag,
       last_modified, raw_hash, run_id, extractor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.documentId,
    row.version,
    row.contentHash,
    row.title,
    row.publishedDate,
    JSON.stringify(row.fields),
    JSON.stringify(row.labels),
    row.text,
    JSON.stringify(row.attachments),
    JSON.stringify(row.provenance),
    row.fetchedAt,
    row.httpStatus,
    JSON.stringify(row.responseHeaders),
    row.charset,
    row.charsetSource,
    row.etag,
    row.lastModified,
    row.rawHash,
    row.runId,
    row.extractor,
  );
}

/**
 * The bytes the network delivered for a browser-rendered version (migration 006). A separate
 * UPDATE, so databases without the column still take HTTP versions (migration tests write to them).
 */
export function setOriginalBody(db: Db, documentId: string, version: number, originalHash: string): void {
  statement(db, 'UPDATE versions SET original_hash = ? WHERE document_id = ? AND version = ?').run(originalHash, documentId, version);
}

function decodeVersionRow(row: EncodedVersionRow): VersionRow {
  return {
    ...row,
    fields: JSON.parse(row.fields) as Record<string, string>,
    labels: JSON.parse(row.labels) as Record<string, string>,
    attachments: JSON.parse(row.attachments) as VersionRow['attachments'],
    provenance: JSON.parse(row.provenance) as Record<string, string>,
    responseHeaders: JSON.parse(row.responseHeaders) as Record<string, string>,
  };
}
