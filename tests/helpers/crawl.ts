import { join } from 'node:path';
import { validateConfig } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/schema.js';
import { runCrawl, type CrawlSummary } from '../../../src/crawl/run-crawl.js';
import { createLogger } from '../../../src/log.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { tempDir } from '../../helpers/temp.js';
import { documentPage, type Item } from './pages.js';
import type { FixtureSite } from './site.js';

export const TEST_USER_AGENT = 'bureau-watch/test (+https://example.org/contact)';

/** A config for loopback sites: fast politeness, quick retries; `sources` entries are merged in. */
export function crawlConfig(database: string, sources: Record<string, unknown>[], fetch: Record<string, unknown> = {}): Config {
  return validateConfig({
    database,
    userAgent: TEST_USER_AGENT,
    fetch: { timeoutSecs: 5, maxRetries: 2, retryBackoffMs: 20, ...fetch },
    sources: sources.map((source) => ({ maxRequestsPerMinute: 60_000, ...source })),
  });
}

export interface CrawlHarness {
  db: Db;
  config: Config;
  crawl(): Promise<CrawlSummary>;
}

/** A fresh archive in a temp dir and a way to run one crawl pass over the given sources. */
export function harness(sources: Record<string, unknown>[], fetch: Record<string, unknown> = {}): CrawlHarness {
  const db = openDatabase(join(tempDir(), 'archive.db'));
  const config = crawlConfig(db.name, sources, fetch);
  const log = createLogger('silent');
  return { db, config, crawl: () => runCrawl(db, config, config.sources, log) };
}

/** Serves a document page at each item's path. */
export function serveDocuments(site: FixtureSite, items: Item[]): void {
  for (const item of items) site.routes.set(item.href, { body: documentPage(item.title) });
}

export function storedUrls(db: Db): string[] {
  return (db.prepare('SELECT url FROM documents ORDER BY url').pluck().all() as string[]);
}

export function documentStatus(db: Db, url: string): { status: string; missingCount: number } | undefined {
  return db.prepare('SELECT status, missing_count AS missingCount FROM documents WHERE url = ?').get(url) as
    | { status: string; missingCount: number }
    | undefined;
}

export function eventTypes(db: Db, url: string): string[] {
  return db.prepare('SELECT type FROM events WHERE url = ? ORDER BY seq').pluck().all(url) as string[];
}
