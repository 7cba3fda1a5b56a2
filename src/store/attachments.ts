/**
 * The attachment tables (migration 009): files by sha256 with their text, what each attachment URL
 * answered last, the responses that delivered each file, and each version's attachments as rows.
 * Storage only: src/archive decides what a fetched attachment means for the document.
 */
import type { Db } from './database.js';
import type { AttachmentEntry, AttachmentStatus } from './records.js';
import { statement } from './statements.js';

/** A file read from its bytes (the bytes themselves are the blob of the same hash). */
export interface AttachmentFileRow {
  sha256: string;
  size: number;
  kind: string;
  mediaType: string;
  readStatus: 'ok' | 'failed';
  failure: string | null;
  error: string | null;
  textLayer: boolean | null;
  textLength: number;
  text: string;
  comparisonHash: string;
  /** JSON-serialisable extras: truncated, ocr, ZIP members. */
  details: Record<string, unknown>;
  readAt: string;
}

/** A file's facts without its text (cheap to read for every attachment of every revisit). */
export type AttachmentFileFacts = Omit<AttachmentFileRow, 'text' | 'details'>;

const FACT_COLUMNS = `sha256, size, kind, media_type AS mediaType, read_status AS readStatus, failure, error,
  text_layer AS textLayer, text_length AS textLength, comparison_hash AS comparisonHash, read_at AS readAt`;

/** Stores a file's reading once: a file already known keeps its first reading. */
export function insertAttachmentFile(db: Db, row: AttachmentFileRow): void {
  statement(
    db,
    `INSERT OR IGNORE INTO attachment_files (sha256, size, kind, media_type, read_status, failure, error, text_layer,
       text_length, text, comparison_hash, details, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.sha256,
    row.size,
    row.kind,
    row.mediaType,
    row.readStatus,
    row.failure,
    row.error,
    row.textLayer === null ? null : Number(row.textLayer),
    row.textLength,
    row.text,
    row.comparisonHash,
    JSON.stringify(row.details),
    row.readAt,
  );
}

export function getAttachmentFileFacts(db: Db, sha256: string): AttachmentFileFacts | undefined {
  const row = statement(db, `SELECT ${FACT_COLUMNS} FROM attachment_files WHERE sha256 = ?`).get(sha256) as
    (Omit<AttachmentFileFacts, 'textLayer'> & { textLayer: number | null }) | undefined;
  return row ? { ...row, textLayer: row.textLayer === null ? null : row.textLayer === 1 } : undefined;
}

export function getAttachmentText(db: Db, sha256: string): string | undefined {
  return statement(db, 'SELECT text FROM attachment_files WHERE sha256 = ?', 'pluck').get(sha256) as string | undefined;
}

/** The ZIP member list and other reading details of a file. */
export function getAttachmentDetails(db: Db, sha256: string): Record<string, unknown> | undefined {
  const json = statement(db, 'SELECT details FROM attachment_files WHERE sha256 = ?', 'pluck').get(sha256) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
}

/** What an attachment URL answered at its last check. */
export interface AttachmentUrlState {
  url: string;
  status: AttachmentStatus;
  /** The file it served last; kept through later failures, so a timeout never loses it. */
  sha256: string | null;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string;
}

export function getAttachmentUrlState(db: Db, url: string): AttachmentUrlState | undefined {
  return statement(
    db,
    `SELECT url, status, sha256, etag, last_modified AS lastModified, checked_at AS checkedAt
    FROM attachment_urls WHERE url = ?`,
  ).get(url) as AttachmentUrlState | undefined;
}

export function putAttachmentUrlState(db: Db, state: AttachmentUrlState): void {
  statement(
    db,
    `INSERT INTO attachment_urls (url, status, sha256, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET status = excluded.status, sha256 = excluded.sha256, etag = excluded.etag,
       last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
  ).run(state.url, state.status, state.sha256, state.etag, state.lastModified, state.checkedAt);
}

/** The HTTP answer that delivered a file at a URL. */
export interface AttachmentResponseRow {
  url: string;
  sha256: string;
  finalUrl: string;
  httpStatus: number;
  headers: Record<string, string>;
  fetchedAt: string;
}

/** Kept once per URL and file: the first answer that delivered these bytes there. */
export function insertAttachmentResponse(db: Db, row: AttachmentResponseRow): void {
  statement(db, `INSERT OR IGNORE INTO attachment_responses (url, sha256, final_url, http_status, headers, fetched_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    row.url,
    row.sha256,
    row.finalUrl,
    row.httpStatus,
    JSON.stringify(row.headers),
    row.fetchedAt,
  );
}

export function getAttachmentResponse(db: Db, url: string, sha256: string): AttachmentResponseRow | undefined {
  const row = statement(
    db,
    `SELECT url, sha256, final_url AS finalUrl, http_status AS httpStatus, headers, fetched_at AS fetchedAt
    FROM attachment_responses WHERE url = ? AND sha256 = ?`,
  ).get(url, sha256) as (Omit<AttachmentResponseRow, 'headers'> & { headers: string }) | undefined;
  return row ? { ...row, headers: JSON.parse(row.headers) as Record<string, string> } : undefined;
}

/** Writes (or rewrites, when entries are filled in) a version's attachment rows. */
export function putVersionAttachments(db: Db, documentId: string, version: number, entries: AttachmentEntry[]): void {
  statement(db, 'DELETE FROM version_attachments WHERE document_id = ? AND version = ?').run(documentId, version);
  const insert = statement(db, 'INSERT INTO version_attachments (document_id, version, position, url, name, status, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)');
  entries.forEach((entry, position) => insert.run(documentId, version, position, entry.url, entry.name, entry.status ?? null, entry.sha256 ?? null));
}

/** A stored version's attachment entries alone (without reading its text). */
export function getVersionAttachments(db: Db, documentId: string, version: number): AttachmentEntry[] | undefined {
  const json = statement(db, 'SELECT attachments FROM versions WHERE document_id = ? AND version = ?', 'pluck').get(documentId, version) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as AttachmentEntry[]);
}

/** Fills in a version's attachment entries (same links, files now known); search re-indexes by trigger. */
export function setVersionAttachments(db: Db, documentId: string, version: number, entries: AttachmentEntry[]): void {
  statement(db, 'UPDATE versions SET attachments = ? WHERE document_id = ? AND version = ?').run(JSON.stringify(entries), documentId, version);
  putVersionAttachments(db, documentId, version, entries);
}

/** Documents whose current version has this file among its attachments. */
export function documentsHoldingFile(db: Db, sha256: string): string[] {
  return statement(
    db,
    `SELECT DISTINCT d.id FROM version_attachments a JOIN documents d ON d.id = a.document_id AND d.current_version = a.version
     WHERE a.sha256 = ?`,
    'pluck',
  ).all(sha256) as string[];
}
