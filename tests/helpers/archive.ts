/**
 * The one archive fixture: a real archive file in a temp directory with a config naming it (for
 * in-process checks and CLI runs alike), written through the real Archive, each record its own
 * transaction as under the crawl's WriteQueue; and `snapshot`, a fetched document page as the
 * crawl hands it to the archive.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { Archive } from '../../src/archive/archive.js';
import type { DocumentSnapshot, SnapshotOutcome } from '../../src/archive/snapshot.js';
import type { AlertConfig } from '../../src/config/schema.js';
import { compileAlertRules } from '../../src/events/alerts.js';
import { listEvents, outboxRecorder, type StoredEvent } from '../../src/events/outbox.js';
import type { ExtractedDocument } from '../../src/extract/types.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { emptyCounts, finishRun, startRun } from '../../src/store/runs.js';

export interface TestArchive {
  db: Db;
  dir: string;
  databasePath: string;
  /** A YAML config naming the database (add lines with `extraConfig`). */
  configPath: string;
  /** The archive records go through (no run). */
  archive: Archive;
  /** Stores a snapshot as the crawl would (its own transaction), optionally as part of a run. */
  record(snapshot: DocumentSnapshot, runId?: number): SnapshotOutcome;
  /** The document answered 404/410 once more; true when that removed it. */
  missing(url: string): boolean;
  /** Starts a run over these sources; end it with finish. */
  run(sourceIds: string[]): number;
  finish(runId: number, errors?: Record<string, number>): void;
  /** Closes the database and removes the directory (done by itself when opened inside a test). */
  close(): void;
}

export interface TestArchiveOptions {
  /** Source ids, each stored as `<id> bureau`. @default ['alpha', 'beta'] */
  sources?: string[];
  /** @default none */
  alerts?: AlertConfig[];
  /** More config lines (YAML), e.g. sinks. @default none */
  extraConfig?: string[];
}

export function openTestArchive(options: TestArchiveOptions = {}): TestArchive {
  const dir = mkdtempSync(join(tmpdir(), 'bw-archive-'));
  const databasePath = join(dir, 'archive.db');
  const configPath = join(dir, 'config.yaml');
  writeFileSync(
    configPath,
    [`database: ${JSON.stringify(databasePath)}`, `storageDir: ${JSON.stringify(join(dir, 'storage'))}`, ...(options.extraConfig ?? [])].join('\n'),
  );
  const db = openDatabase(databasePath);
  const matchAlerts = compileAlertRules(options.alerts ?? []);
  const archiveFor = (runId?: number) => new Archive(db, { events: outboxRecorder(db), matchAlerts, ...(runId === undefined ? {} : { runId }) });
  const archive = archiveFor();
  for (const id of options.sources ?? ['alpha', 'beta']) archive.upsertSource({ id, name: `${id} bureau`, startUrls: [`http://127.0.0.1/${id}/`] });
  const close = () => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  closeWhenTestEnds(close);
  return {
    db,
    dir,
    databasePath,
    configPath,
    archive,
    record: (snapshot, runId) => db.transaction(() => (runId === undefined ? archive : archiveFor(runId)).recordSnapshot(snapshot))(),
    missing: (url) => db.transaction(() => archive.recordMissing(url, new Date().toISOString()))(),
    run: (sourceIds) => startRun(db, sourceIds),
    finish: (runId, errors = {}) => {
      const sourceIds = JSON.parse(db.prepare('SELECT sources FROM runs WHERE id = ?').pluck().get(runId) as string) as string[];
      finishRun(db, runId, 'ok', Object.fromEntries(sourceIds.map((id) => [id, { ...emptyCounts(), errors: errors[id] ?? 0 }])));
    },
    close,
  };
}

/** Inside a test the archive goes when the test ends; opened in a hook, the caller closes it. */
function closeWhenTestEnds(close: () => void): void {
  try {
    onTestFinished(close);
  } catch {
    // not inside a test (beforeAll): the caller's afterAll closes it
  }
}

export interface SnapshotSpec extends Partial<ExtractedDocument> {
  /** @default 'alpha' */
  source?: string;
  /** @default a small HTML page with the title and text */
  rawBody?: Uint8Array;
  /** @default content-type text/html; charset=utf-8 */
  headers?: Record<string, string>;
}

let clock = Date.parse('2024-03-01T00:00:00Z');

/** A fetched document page; each one is fetched a minute after the one before. */
export function snapshot(url: string, spec: SnapshotSpec = {}): DocumentSnapshot {
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
    document: { title: 'untitled', publishedDate: null, fields: {}, labels: {}, attachments: [], provenance: {}, ...document, text },
  };
}

/** Documents n = from … to − 1, each recorded once (short distinct texts: no duplicates); odd ones are titled 工作计划. */
export function addDocuments(test: TestArchive, from: number, to: number): void {
  for (let n = from; n < to; n++) {
    test.record(snapshot(`http://bureau.example/art/2024/3/${n}.html`, { text: `第${n}号通知正文。`, title: n % 2 ? `第${n}号工作计划` : `第${n}号通知` }));
  }
}

/** An archive holding `count` document.created events; the alert rule `new-plan` tags the 工作计划 ones. */
export function archiveWithEvents(count: number): TestArchive & { events: StoredEvent[] } {
  const test = openTestArchive({ alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '计划' }] });
  addDocuments(test, 0, count);
  return { ...test, events: listEvents(test.db) };
}

/** The bureau whose documents the message tests send, and a second source without a name. */
export const BUREAU = { id: 'binhu-edu', name: '无锡市滨湖区教育局' };
export const OTHER_BUREAU = { id: 'other-bureau', name: '' };

/**
 * An archive for the tests of what sinks send, holding three document.created events in this order:
 * a plan of BUREAU (alert new-plan, published 2024-03-01), a notice of BUREAU (no alert, no date),
 * a plan of OTHER_BUREAU (alert new-plan, a source without a name).
 */
export function archiveForMessages(titles: string[] = ['2024年工作要点', '关于放假的通知', '2024年工作计划']): TestArchive & { events: StoredEvent[] } {
  const test = openTestArchive({ alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划|计划' }] });
  for (const source of [BUREAU, OTHER_BUREAU]) test.archive.upsertSource({ ...source, startUrls: ['http://127.0.0.1/'] });
  test.record(
    snapshot('http://bureau.example/art/2024/3/1_a.html', { text: '第一篇正文。', title: titles[0], publishedDate: '2024-03-01', source: BUREAU.id }),
  );
  test.record(snapshot('http://bureau.example/art/2024/3/2_b.html', { text: '第二篇正文。', title: titles[1], source: BUREAU.id }));
  test.record(snapshot('http://other.example/c(3).html', { text: '第三篇正文。', title: titles[2], publishedDate: '2024-03-05', source: OTHER_BUREAU.id }));
  return { ...test, events: listEvents(test.db) };
}
