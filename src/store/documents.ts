import type { Db } from './database.js';
import type { DocumentRow } from './records.js';
import { statement } from './statements.js';

const DOCUMENT_COLUMNS = `id, source_id AS sourceId, url, status, first_seen_at AS firstSeenAt,
  last_changed_at AS lastChangedAt, last_checked_at AS lastCheckedAt, current_version AS currentVersion,
  content_hash AS contentHash, title_hash AS titleHash, etag, last_modified AS lastModified,
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

/** Known documents of a source, streamed: a 100k-document source never sits in memory at once. */
export function* iterateDocuments(db: Db, sourceId?: string): Generator<DocumentRow> {
  // Not cached: an iterating statement is busy until done, and two walks may overlap.
  const rows = sourceId
    ? db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE source_id = ? ORDER BY first_seen_at, id`).bind(sourceId)
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
