/** The `documents` table: one row per document URL, with the state kept between fetches. */
import type { Db } from './database.js';
import type { DocumentRow } from './records.js';
import { statement } from './statements.js';

const DOCUMENT_COLUMNS = `id, source_id AS sourceId, url, status, first_seen_at AS firstSeenAt,
  last_changed_at AS lastChangedAt, last_checked_at AS lastCheckedAt, current_version AS currentVersion,
  content_hash AS contentHash, title_hash AS titleHash, fields_hash AS fieldsHash, key_extractor AS keyExtractor, etag, last_modified AS lastModified,
  missing_count AS missingCount, duplicate_of AS duplicateOf`;

export function getDocumentByUrl(db: Db, url: string): DocumentRow | undefined {
  return statement(db, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE url = ?`).get(url) as DocumentRow | undefined;
}

export function getDocumentById(db: Db, id: string): DocumentRow | undefined {
  return statement(db, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
}

/** A document by id, or by URL when the argument is not a known id. */
export function findDocument(db: Db, idOrUrl: string): DocumentRow | undefined {
  return getDocumentById(db, idOrUrl) ?? getDocumentByUrl(db, idOrUrl);
}

/** Source ids to narrow a walk to: one, several, or none (every source). */
export type SourceScope = string | readonly string[] | undefined;

/** Known documents of the sources (all when none), streamed: a 100k-document source never sits in memory at once. */
export function* iterateDocuments(db: Db, sources?: SourceScope): Generator<DocumentRow> {
  const ids = sources === undefined ? [] : typeof sources === 'string' ? [sources] : sources;
  // Not cached: an iterating statement is busy until done, and two walks may overlap.
  const rows =
    ids.length > 0
      ? db
          .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE source_id IN (${ids.map(() => '?').join(', ')}) ORDER BY source_id, first_seen_at, id`)
          .bind(...ids)
      : db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY source_id, first_seen_at, id`);
  yield* rows.iterate() as IterableIterator<DocumentRow>;
}

/**
 * URLs of a source's documents first seen up to `until` (ISO-8601): what the crawl may treat as
 * already known when deciding to stop reading a column early.
 */
export function documentUrlsFirstSeenBy(db: Db, sourceId: string, until: string): Set<string> {
  const urls = db.prepare('SELECT url FROM documents WHERE source_id = ? AND first_seen_at <= ?').pluck();
  return new Set(urls.iterate(sourceId, until) as IterableIterator<string>);
}

/** A document first seen: active, at version 1, not (yet) anybody's duplicate. */
export type NewDocumentRow = Pick<DocumentRow, 'id' | 'sourceId' | 'url' | 'firstSeenAt' | 'etag' | 'lastModified'> & ComparisonKey;

/** The hashes a fetch is compared by, and the extractor whose reading they are. */
export type ComparisonKey = Pick<DocumentRow, 'contentHash' | 'titleHash' | 'fieldsHash' | 'keyExtractor'>;

export function insertDocument(db: Db, row: NewDocumentRow): void {
  statement(
    db,
    `INSERT INTO documents (id, source_id, url, status, first_seen_at, last_changed_at, last_checked_at,
       current_version, content_hash, title_hash, fields_hash, key_extractor, etag, last_modified)
     VALUES (?, ?, ?, 'active', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.sourceId,
    row.url,
    row.firstSeenAt,
    row.firstSeenAt,
    row.firstSeenAt,
    row.contentHash,
    row.titleHash,
    row.fieldsHash,
    row.keyExtractor,
    row.etag,
    row.lastModified,
  );
}

/** A 200 answer: the validators move, and the document is active again with no 404 streak. */
export function markFetched(db: Db, id: string, at: string, validators: Pick<DocumentRow, 'etag' | 'lastModified'>): void {
  statement(
    db,
    `UPDATE documents SET last_checked_at = ?, etag = ?, last_modified = ?, missing_count = 0, status = 'active'
     WHERE id = ?`,
  ).run(at, validators.etag, validators.lastModified, id);
}

/** A 304 answer: only the last-checked stamp moves (and any 404 streak ends). */
export function markNotModified(db: Db, url: string, at: string): void {
  statement(db, `UPDATE documents SET last_checked_at = ?, missing_count = 0, status = 'active' WHERE url = ?`).run(at, url);
}

/** A failed fetch (timeout, 5xx …): the document is checked, and any 404 streak ends. */
export function markUnreachable(db: Db, url: string, at: string): void {
  statement(db, 'UPDATE documents SET last_checked_at = ?, missing_count = 0 WHERE url = ?').run(at, url);
}

/** A 404/410 answer: the streak of such answers, and the status it led to. */
export function markMissing(db: Db, id: string, at: string, state: Pick<DocumentRow, 'missingCount' | 'status'>): void {
  statement(db, `UPDATE documents SET last_checked_at = ?, missing_count = ?, status = ? WHERE id = ?`).run(at, state.missingCount, state.status, id);
}

/** A new version became the current one. */
export function setCurrentVersion(db: Db, id: string, current: Pick<DocumentRow, 'currentVersion' | 'lastChangedAt'> & ComparisonKey): void {
  statement(
    db,
    `UPDATE documents SET current_version = ?, content_hash = ?, title_hash = ?, fields_hash = ?, key_extractor = ?,
       last_changed_at = ? WHERE id = ?`,
  ).run(current.currentVersion, current.contentHash, current.titleHash, current.fieldsHash, current.keyExtractor, current.lastChangedAt, id);
}

/**
 * The current version stays, but it is now compared by another key: the current extractor's reading
 * of it (an upgrade changed how the same bytes read), or a key first completed (a fields hash).
 */
export function setComparisonKey(db: Db, id: string, key: ComparisonKey): void {
  statement(db, 'UPDATE documents SET content_hash = ?, title_hash = ?, fields_hash = ?, key_extractor = ? WHERE id = ?').run(
    key.contentHash,
    key.titleHash,
    key.fieldsHash,
    key.keyExtractor,
    id,
  );
}
