/**
 * The one crawl harness: a fresh archive in a temp directory (removed when the test ends), a config
 * for loopback sites (fast politeness, quick retries), and runCrawl in process with every log line
 * captured; plus the queries crawl tests assert with.
 */
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { parseConfigText, validateConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { runCrawl, type CrawlSummary, type RunCrawlOptions } from '../../src/crawl/run-crawl.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { captureLog, type CapturedLog } from './log.js';
import { documentPage, listPage, numberedItems, type Item } from './pages.js';
import type { Route, TestSite } from './site.js';
import { tempDir } from './temp.js';

export const TEST_USER_AGENT = 'bureau-watch/test (+https://example.org/contact)';

/** Fetch settings under which faults show up in seconds: a 2 s timeout, one retry. */
export const QUICK_FAILURE_FETCH = { timeoutSecs: 2, maxRetries: 1 } as const;

export interface CrawlConfigOptions {
  /** Merged over { maxRequestsPerMinute: 60000 } each. */
  sources: Record<string, unknown>[];
  /** Merged over { timeoutSecs: 5, maxRetries: 2, retryBackoffMs: 20 }. */
  fetch?: Record<string, unknown>;
  /** More top-level config keys (alerts, sinks, proxy, tls …). */
  extra?: Record<string, unknown>;
  /** Read `${VAR}` in the config's strings from these, as the CLI reads them from its environment. @default none: taken as written */
  env?: Record<string, string>;
}

export function crawlConfig(database: string, options: CrawlConfigOptions): Config {
  const raw = {
    database,
    storageDir: join(database, '..', 'storage'),
    userAgent: TEST_USER_AGENT,
    fetch: { timeoutSecs: 5, maxRetries: 2, retryBackoffMs: 20, ...options.fetch },
    sources: options.sources.map((source) => ({ maxRequestsPerMinute: 60_000, ...source })),
    ...options.extra,
  };
  return options.env ? parseConfigText(JSON.stringify(raw), 'test.json', options.env) : validateConfig(raw);
}

/** A crawl harness for one test (call it inside the test): its archive goes when the test ends. */
export interface CrawlHarness {
  db: Db;
  config: Config;
  /** One crawl pass over every configured source. */
  crawl(options?: RunCrawlOptions): Promise<{ summary: CrawlSummary; log: CapturedLog }>;
}

export function crawlHarness(options: CrawlConfigOptions): CrawlHarness {
  const db = openDatabase(join(tempDir('bw-crawl-'), 'archive.db'));
  onTestFinished(() => void (db.open && db.close()));
  const config = crawlConfig(db.name, options);
  return {
    db,
    config,
    crawl: async (runOptions = {}) => {
      const log = captureLog();
      const summary = await runCrawl(db, config, config.sources, log.logger, runOptions);
      return { summary, log };
    },
  };
}

/** Serves a document page at each item's path. */
export function serveDocuments(site: TestSite, items: Item[]): void {
  for (const item of items) site.routes.set(item.href, { body: documentPage(item.title) });
}

/**
 * A column page at /col/index.html listing `count` numbered documents, each served as a document page
 * or as `answer` says; returns the documents' URLs, sorted.
 */
export function serveColumn(site: TestSite, count = 2, answer?: (item: Item) => Route): string[] {
  const items = numberedItems(1, count);
  site.routes.set('/col/index.html', { body: listPage(items) });
  for (const item of items) site.routes.set(item.href, answer ? answer(item) : { body: documentPage(item.title) });
  return items.map((item) => site.baseUrl + item.href).sort();
}

export function storedUrls(db: Db): string[] {
  return db.prepare('SELECT url FROM documents ORDER BY url').pluck().all() as string[];
}

/** The current text of every document, by URL path. */
export function storedTexts(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT d.url, v.text FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.current_version').all() as {
    url: string;
    text: string;
  }[];
  return new Map(rows.map((row) => [new URL(row.url).pathname, row.text]));
}

export function documentStatus(db: Db, url: string): { status: string; missingCount: number } | undefined {
  return db.prepare('SELECT status, missing_count AS missingCount FROM documents WHERE url = ?').get(url) as
    { status: string; missingCount: number } | undefined;
}

export function eventTypes(db: Db, url: string): string[] {
  return db.prepare('SELECT type FROM events WHERE url = ? ORDER BY seq').pluck().all(url) as string[];
}

/** Every document has its current version, its raw body and its creation event: nothing half-written. */
export function archiveIsConsistent(db: Db): { orphans: number; missingVersions: number; missingBlobs: number; missingCreated: number } {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    orphans: count('SELECT count(*) FROM versions v LEFT JOIN documents d ON d.id = v.document_id WHERE d.id IS NULL'),
    missingVersions: count(
      'SELECT count(*) FROM documents d LEFT JOIN versions v ON v.document_id = d.id AND v.version = d.current_version WHERE v.document_id IS NULL',
    ),
    missingBlobs: count('SELECT count(*) FROM versions v LEFT JOIN blobs b ON b.hash = v.raw_hash WHERE b.hash IS NULL'),
    missingCreated: count(
      `SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = 'document.created')`,
    ),
  };
}

export interface FaultHarnessOptions {
  startUrls: string[];
  /** Merged over the one source's settings. */
  source?: Record<string, unknown>;
  /** Merged over QUICK_FAILURE_FETCH. */
  fetch?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** One source `fault-src` (two requests in flight) under QUICK_FAILURE_FETCH: for tests of what breaks. */
export function faultHarness(options: FaultHarnessOptions): CrawlHarness {
  return crawlHarness({
    sources: [{ id: 'fault-src', startUrls: options.startUrls, maxConcurrencyPerHost: 2, ...options.source }],
    fetch: { ...QUICK_FAILURE_FETCH, ...options.fetch },
    extra: options.extra,
  });
}
