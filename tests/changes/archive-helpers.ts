import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertConfig } from '../../src/config/schema.js';
import { compileAlertRules } from '../../src/events/alerts.js';
import type { ExtractedDocument } from '../../src/extract/types.js';
import { Archive } from '../../src/archive/archive.js';
import { outboxRecorder } from '../../src/events/outbox.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import type { DocumentSnapshot, SnapshotOutcome } from '../../src/archive/snapshot.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Non-empty trimmed lines: the paragraphs of a seed text. */
export function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

export interface TestArchive {
  db: Db;
  archive: Archive;
  path: string;
  record(snapshot: DocumentSnapshot): SnapshotOutcome;
}

/** A real archive in a temp dir; each record() is its own transaction, as under the WriteQueue. */
export function openTestArchive(alerts: AlertConfig[] = []): TestArchive {
  const path = join(tempDir(), 'archive.db');
  const db = openDatabase(path);
  const archive = new Archive(db, { events: outboxRecorder(db), matchAlerts: compileAlertRules(alerts) });
  archive.upsertSource({ id: 'test', name: 'test source', startUrls: ['http://127.0.0.1/'] });
  return { db, archive, path, record: (snapshot) => db.transaction(() => archive.recordSnapshot(snapshot))() };
}

let clock = Date.parse('2024-03-01T00:00:00Z');

/** A snapshot of a document page, as the crawl would hand it to the store. */
export function snapshot(url: string, text: string, document: Partial<ExtractedDocument> & { sourceId?: string } = {}): DocumentSnapshot {
  clock += 60_000;
  const { sourceId, ...extracted } = document;
  return {
    sourceId: sourceId ?? 'test',
    url,
    fetchedAt: new Date(clock).toISOString(),
    httpStatus: 200,
    responseHeaders: { 'content-type': 'text/html; charset=utf-8' },
    etag: null,
    lastModified: null,
    rawBody: new TextEncoder().encode(`<html><body>${text}</body></html>`),
    charset: 'utf-8',
    charsetSource: 'header',
    document: {
      title: 'untitled', publishedDate: null, fields: {}, labels: {}, text, attachments: [], provenance: {},
      ...extracted,
    },
  };
}
