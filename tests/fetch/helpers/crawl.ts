import { join } from 'node:path';
import { pino } from 'pino';
import { parseConfigText } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/schema.js';
import { runCrawl, type CrawlSummary } from '../../../src/crawl/run-crawl.js';
import { openDatabase, type Db } from '../../../src/store/database.js';
import { tempDir } from '../../helpers/temp.js';
import { documentPage, listPage, numberedItems, type Item } from '../../crawl/helpers/pages.js';
import type { Answer, Handler, TestSite } from './servers.js';

export const TEST_USER_AGENT = 'bureau-watch/test (+https://example.org/contact)';

export interface AccessHarness {
  db: Db;
  config: Config;
  /** Every log line of the crawls, as written (JSON). */
  logs: string[];
  crawl(): Promise<CrawlSummary>;
}

/**
 * A fresh archive and a config read the way the CLI reads it (YAML/JSON text, `${VAR}` from `env`),
 * with fast politeness and one quick retry; logs are kept for the test to read.
 */
export function accessHarness(config: Record<string, unknown>, env: Record<string, string> = {}): AccessHarness {
  const db = openDatabase(join(tempDir(), 'archive.db'));
  const raw = {
    database: db.name,
    userAgent: TEST_USER_AGENT,
    fetch: { timeoutSecs: 5, maxRetries: 1, retryBackoffMs: 10 },
    ...config,
    sources: (config.sources as Record<string, unknown>[]).map((source) => ({ maxRequestsPerMinute: 60_000, ...source })),
  };
  const parsed = parseConfigText(JSON.stringify(raw), 'test.json', env);
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  return { db, config: parsed, logs, crawl: () => runCrawl(db, parsed, parsed.sources, log) };
}

/** A column list at /col/index.html and its documents; returns the document URLs, sorted. */
export function serveColumn(site: TestSite, count = 2, documentAnswer?: (item: Item) => Answer | Handler): string[] {
  const items = numberedItems(1, count);
  site.routes.set('/col/index.html', { body: listPage(items) });
  for (const item of items) site.routes.set(item.href, documentAnswer ? documentAnswer(item) : { body: documentPage(item.title) });
  return items.map((item) => site.baseUrl + item.href).sort();
}

export function storedUrls(db: Db): string[] {
  return db.prepare('SELECT url FROM documents ORDER BY url').pluck().all() as string[];
}
