import { join } from 'node:path';
import { pino } from 'pino';
import { validateConfig } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/schema.js';
import { runCrawl, type CrawlSummary } from '../../../src/crawl/run-crawl.js';
import type { Logger } from '../../../src/log.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { tempDir } from '../../helpers/temp.js';

/** A captured log: every JSON line a run wrote. */
export interface CapturedLog {
  logger: Logger;
  lines: Record<string, unknown>[];
  /** All messages (`msg`) joined, for substring assertions. */
  text(): string;
}

export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug', base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines, text: () => lines.map((line) => `${String(line.msg)} ${JSON.stringify(line)}`).join('\n') };
}

export interface FaultCrawlOptions {
  startUrls: string[];
  fetch?: Partial<Config['fetch']>;
  source?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** A config for one source, fast politeness, few retries: faults show up in seconds. */
export function faultConfig(database: string, options: FaultCrawlOptions): Config {
  return validateConfig({
    database,
    storageDir: join(database, '..', 'storage'),
    fetch: { timeoutSecs: 2, maxRetries: 1, retryBackoffMs: 20, ...options.fetch },
    sources: [{ id: 'fault-src', startUrls: options.startUrls, maxRequestsPerMinute: 60_000, maxConcurrencyPerHost: 2, ...options.source }],
    ...options.extra,
  });
}

export interface FaultArchive {
  db: Db;
  config: Config;
  crawl(): Promise<{ summary: CrawlSummary; log: CapturedLog }>;
}

/** A fresh archive in a temp dir (closed when the test ends) and a way to crawl into it. */
export function faultArchive(options: FaultCrawlOptions): FaultArchive {
  const database = join(tempDir('bw-fault-'), 'archive.db');
  const db = openDatabase(database);
  const config = faultConfig(database, options);
  return {
    db,
    config,
    crawl: async () => {
      const log = captureLog();
      const summary = await runCrawl(db, config, config.sources, log.logger);
      return { summary, log };
    },
  };
}

export function storedTexts(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT d.url, v.text FROM documents d JOIN versions v ON v.document_id = d.id AND v.version = d.current_version`).all() as
    { url: string; text: string }[];
  return new Map(rows.map((row) => [new URL(row.url).pathname, row.text]));
}

/** Every document has its current version, its raw body and its creation event: nothing half-written. */
export function archiveIsConsistent(db: Db): { orphans: number; missingVersions: number; missingBlobs: number; missingCreated: number } {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    orphans: count('SELECT count(*) FROM versions v LEFT JOIN documents d ON d.id = v.document_id WHERE d.id IS NULL'),
    missingVersions: count('SELECT count(*) FROM documents d LEFT JOIN versions v ON v.document_id = d.id AND v.version = d.current_version WHERE v.document_id IS NULL'),
    missingBlobs: count('SELECT count(*) FROM versions v LEFT JOIN blobs b ON b.hash = v.raw_hash WHERE b.hash IS NULL'),
    missingCreated: count(`SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = 'document.created')`),
  };
}
