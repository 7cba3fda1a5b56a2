/**
 * Archives as an older release left them, for upgrade and migration tests: the schema up to a
 * given migration, and documents written the way the code of that time wrote them (plain SQL on
 * the columns of migration 001: no fields hash, no extractor), whatever the current write path has
 * become. The text, fields and title are given as the older extractor read them.
 */
import Database from 'better-sqlite3';
import { compareDocument } from '../../src/archive/changes.js';
import { insertEvent } from '../../src/events/outbox.js';
import { putBlob } from '../../src/store/blobs.js';
import { registerSqlFunctions } from '../../src/store/sql-functions.js';
import type { Db } from '../../src/store/database.js';
import { documentIdFor } from '../../src/store/ids.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

/** Creates a database at `path` with the migrations before `beforeVersion` applied and recorded. */
export function openOlderArchive(path: string, beforeVersion: number): Db {
  const db = new Database(path);
  registerSqlFunctions(db);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS.filter((m) => m.version < beforeVersion)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, 'then');
  }
  return db;
}

export interface OlderDocument {
  url: string;
  /** @default 'alpha' (created if missing) */
  source?: string;
  title: string;
  text: string;
  /** @default {} */
  fields?: Record<string, string>;
  /** @default null */
  publishedDate?: string | null;
  /** The page as it was fetched then. */
  rawBody: Uint8Array;
  /** @default 'text/html; charset=utf-8' */
  contentType?: string;
  /** @default 2024-03-01T00:00:00.000Z */
  fetchedAt?: string;
}

/** Writes a document at version 1 with its document.created event, as the code before migration 008 did. */
export function insertOlderDocument(db: Db, doc: OlderDocument): string {
  const id = documentIdFor(doc.url);
  const source = doc.source ?? 'alpha';
  const at = doc.fetchedAt ?? '2024-03-01T00:00:00.000Z';
  const { contentHash, titleHash } = compareDocument({ title: doc.title, text: doc.text, fields: {} });
  db.transaction(() => {
    db.prepare(`INSERT OR IGNORE INTO sources (id, name, start_urls, created_at, updated_at) VALUES (?, ?, '[]', ?, ?)`).run(source, source, at, at);
    db.prepare(
      `INSERT INTO documents (id, source_id, url, status, first_seen_at, last_changed_at, last_checked_at, current_version,
      content_hash, title_hash) VALUES (?, ?, ?, 'active', ?, ?, ?, 1, ?, ?)`,
    ).run(id, source, doc.url, at, at, at, contentHash, titleHash);
    const rawHash = putBlob(db, doc.rawBody);
    const headers = JSON.stringify({ 'content-type': doc.contentType ?? 'text/html; charset=utf-8' });
    db.prepare(
      `INSERT INTO versions (document_id, version, content_hash, title, published_date, fields, labels, text, attachments,
      provenance, fetched_at, http_status, response_headers, charset, charset_source, raw_hash)
      VALUES (?, 1, ?, ?, ?, ?, '{}', ?, '[]', '{}', ?, 200, ?, 'utf-8', 'header', ?)`,
    ).run(id, contentHash, doc.title, doc.publishedDate ?? null, JSON.stringify(doc.fields ?? {}), doc.text, at, headers, rawHash);
    insertEvent(db, { type: 'document.created', at, source, documentId: id, url: doc.url, title: doc.title, version: 1 }, []);
  })();
  return id;
}
