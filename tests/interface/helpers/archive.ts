import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedDocument } from '../../../src/extract/types.js';
import { Archive } from '../../../src/archive/archive.js';
import { outboxRecorder } from '../../../src/events/outbox.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import type { DocumentSnapshot, SnapshotOutcome } from '../../../src/archive/snapshot.js';
import { startRun, finishRun, emptyCounts } from '../../../src/store/runs.js';

/** A real archive file in a temp dir plus a config naming it, for in-process and CLI checks alike. */
export interface InterfaceArchive {
  db: Db;
  dir: string;
  databasePath: string;
  configPath: string;
  /** Stores a snapshot as the crawl would (its own transaction), optionally as part of a run. */
  record(snapshot: DocumentSnapshot, runId?: number): SnapshotOutcome;
  missing(url: string): boolean;
  /** Starts a run over these sources; finish it with finishRun. */
  run(sourceIds: string[]): number;
  finish(runId: number, errors?: Record<string, number>): void;
  /** Closes the database and removes the directory. */
  close(): void;
}

export function openInterfaceArchive(sources: string[] = ['alpha', 'beta']): InterfaceArchive {
  const dir = mkdtempSync(join(tmpdir(), 'bw-interface-'));
  const databasePath = join(dir, 'archive.db');
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, `database: ${databasePath}\nstorageDir: ${join(dir, 'storage')}\n`);
  const db = openDatabase(databasePath);
  const bare = new Archive(db, { events: outboxRecorder(db) });
  for (const id of sources) bare.upsertSource({ id, name: `${id} bureau`, startUrls: [`http://127.0.0.1/${id}/`] });
  const archives = new Map<number | undefined, Archive>([[undefined, bare]]);
  const archiveFor = (runId?: number) => {
    if (!archives.has(runId)) archives.set(runId, new Archive(db, { runId, events: outboxRecorder(db) }));
    return archives.get(runId)!;
  };
  return {
    db, dir, databasePath, configPath,
    record: (snapshot, runId) => db.transaction(() => archiveFor(runId).recordSnapshot(snapshot))(),
    missing: (url) => db.transaction(() => bare.recordMissing(url, new Date().toISOString()))(),
    run: (sourceIds) => startRun(db, sourceIds),
    finish: (runId, errors = {}) => {
      const sourceIds = JSON.parse(db.prepare('SELECT sources FROM runs WHERE id = ?').pluck().get(runId) as string) as string[];
      finishRun(db, runId, 'ok', Object.fromEntries(sourceIds.map((id) => [id, { ...emptyCounts(), errors: errors[id] ?? 0 }])));
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let clock = Date.parse('2024-03-01T00:00:00Z');

export interface PageSpec extends Partial<ExtractedDocument> {
  source?: string;
  rawBody?: Uint8Array;
  headers?: Record<string, string>;
}

/** A document page as the crawl hands it to the store. */
export function page(url: string, spec: PageSpec = {}): DocumentSnapshot {
  clock += 60_000;
  const { source, rawBody, headers, ...document } = spec;
  const text = document.text ?? `正文 ${url}`;
  return {
    sourceId: source ?? 'alpha',
    url,
    fetchedAt: new Date(clock).toISOString(),
    httpStatus: 200,
    responseHeaders: headers ?? { 'content-type': 'text/html; charset=utf-8' },
    etag: null,
    lastModified: null,
    rawBody: rawBody ?? new TextEncoder().encode(`<html><head><title>${document.title ?? ''}</title></head><body>${text}</body></html>`),
    charset: 'utf-8',
    charsetSource: 'header',
    document: {
      title: 'untitled', publishedDate: null, fields: {}, labels: {}, attachments: [], provenance: {},
      ...document,
      text,
    },
  };
}
