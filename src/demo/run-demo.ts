import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { runCrawl, type CrawlSummary } from '../crawl/run-crawl.js';
import type { Logger } from '../log.js';
import { openDatabase, type Db } from '../store/database.js';
import { demoSiteChangesDir, demoSiteDir, startStaticSite, type SiteOverride } from './server.js';

export const DEMO_DATABASE = 'storage/demo.db';
/** A config naming the demo database, so every other command can explore what the demo stored. */
export const DEMO_CONFIG = 'storage/demo.yaml';

export interface DemoResult {
  baseUrl: string;
  /** The site as published: everything is new. */
  firstPass: CrawlSummary;
  /** After the site changed (src/demo/site-src/edition-2.ts): an edit, a new plan, a page gone (its first 404). */
  secondPass: CrawlSummary;
  /** The gone page answers 404 a second run in a row: it is removed. */
  thirdPass: CrawlSummary;
  db: Db;
}

/** The demo's config: the bundled replica site's two columns, fast politeness for loopback. */
export function demoConfig(baseUrl: string, database: string): Config {
  return validateConfig(
    {
      database,
      sources: [
        {
          id: 'demo-edu',
          name: '演示区教育局 (replica)',
          startUrls: [`${baseUrl}/col/col1001/index.html`, `${baseUrl}/xxgk/ghjh/index.html`],
          maxRequestsPerMinute: 6000,
          maxConcurrencyPerHost: 4,
        },
      ],
      alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划|规划' }],
    },
    'demo',
  );
}

/**
 * Serves the replica bureau site on loopback and crawls it three times into a fresh demo database:
 * the first pass archives everything; then the site changes (a document edited, a new plan
 * published, a page withdrawn) and the second pass finds the new version, the new document (with
 * its alert) and the first 404; the third finds the page gone a second run in a row, which removes
 * it (one 404 may be a glitch). The caller prints the summary and closes the returned database.
 */
export async function runDemo(log: Logger, database = DEMO_DATABASE): Promise<DemoResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  const site = await startStaticSite(demoSiteDir());
  const config = demoConfig(site.baseUrl, database);
  const db = openDatabase(database);
  if (database === DEMO_DATABASE) writeFileSync(DEMO_CONFIG, `# written by \`bureau-watch demo\`\ndatabase: ${database}\n`);
  try {
    const firstPass = await runCrawl(db, config, config.sources, log);
    publishSecondEdition(site.overrides);
    const secondPass = await runCrawl(db, config, config.sources, log);
    const thirdPass = await runCrawl(db, config, config.sources, log);
    return { baseUrl: site.baseUrl, firstPass, secondPass, thirdPass, db };
  } catch (error) {
    db.close();
    throw error;
  } finally {
    await site.close();
  }
}

/** Serves the site's second edition (src/demo/site-changes/) over the first: changed files, and 404 for withdrawn pages. */
function publishSecondEdition(overrides: Map<string, SiteOverride>): void {
  const root = join(demoSiteChangesDir(), 'files');
  for (const file of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, file);
    if (statSync(path).isFile()) overrides.set(`/${file.split('\\').join('/')}`, { body: readFileSync(path) });
  }
  const removed = JSON.parse(readFileSync(join(demoSiteChangesDir(), 'removed.json'), 'utf8')) as string[];
  for (const path of removed) overrides.set(path, { status: 404 });
}
