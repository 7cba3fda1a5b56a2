import { rmSync, writeFileSync } from 'node:fs';
import { validateConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { eventHeadline } from '../events/event.js';
import { listEvents } from '../events/outbox.js';
import { runCrawl, type CrawlSummary } from '../crawl/run-crawl.js';
import type { Logger } from '../log.js';
import { openDatabase, type Db } from '../store/database.js';
import { iterateDocumentRecords } from '../store/document-record.js';
import { demoSiteDir, startStaticSite } from './server.js';

export const DEMO_DATABASE = 'storage/demo.db';
/** A config naming the demo database, so every other command can explore what the demo stored. */
export const DEMO_CONFIG = 'storage/demo.yaml';

export interface DemoResult {
  baseUrl: string;
  firstPass: CrawlSummary;
  secondPass: CrawlSummary;
  db: Db;
}

/** The demo's config: the bundled replica site's two columns, fast politeness for loopback. */
export function demoConfig(baseUrl: string, database: string): Config {
  return validateConfig({
    database,
    sources: [{
      id: 'demo-edu',
      name: '演示区教育局 (replica)',
      startUrls: [`${baseUrl}/col/col1001/index.html`, `${baseUrl}/xxgk/ghjh/index.html`],
      maxRequestsPerMinute: 6000,
      maxConcurrencyPerHost: 4,
    }],
    alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划|规划' }],
  }, 'demo');
}

/**
 * Serves the replica bureau site on loopback and crawls it twice into a fresh demo database:
 * the first pass archives everything, the second shows an incremental re-crawl (conditional GET,
 * no new versions). The caller prints the summary and closes the returned database.
 */
export async function runDemo(log: Logger, database = DEMO_DATABASE): Promise<DemoResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  const site = await startStaticSite(demoSiteDir());
  const config = demoConfig(site.baseUrl, database);
  const db = openDatabase(database);
  if (database === DEMO_DATABASE) writeFileSync(DEMO_CONFIG, `# written by \`bureau-watch demo\`\ndatabase: ${database}\n`);
  try {
    const firstPass = await runCrawl(db, config, config.sources, log);
    const secondPass = await runCrawl(db, config, config.sources, log);
    return { baseUrl: site.baseUrl, firstPass, secondPass, db };
  } catch (error) {
    db.close();
    throw error;
  } finally {
    await site.close();
  }
}

/** Human-readable summary lines of a finished demo. */
export function demoSummary(result: DemoResult, database = DEMO_DATABASE): string[] {
  const records = [...iterateDocumentRecords(result.db)];
  const events = listEvents(result.db);
  const first = result.firstPass.sources['demo-edu']!;
  const second = result.secondPass.sources['demo-edu']!;
  const lines = [
    `Replica bureau site served at ${result.baseUrl}, archived into ${database}`,
    '',
    `First crawl:  ${first.pages} pages fetched, ${first.created} documents stored, ${first.errors} errors`,
    `Second crawl: ${second.pages} pages fetched, ${second.notModified} answered 304 Not Modified, ` +
      `${second.created + second.updated} new versions`,
    '',
    'Documents:',
  ];
  for (const record of records) {
    const fieldNames = Object.keys(record.fields);
    lines.push(`  ${record.title}`);
    lines.push(`    ${record.publishedDate ?? 'no date'} · v${record.version} · ${fieldNames.length} fields (${fieldNames.join(', ') || 'none'}) · ${record.attachments.length} attachments`);
  }
  const alerted = events.filter((event) => event.alerts.length > 0);
  lines.push('', `Events recorded: ${events.length} (${alerted.length} matched alert rules: ${alerted.map(eventHeadline).join('; ') || 'none'})`);
  lines.push(`Explore it: npx bureau-watch export --config ${DEMO_CONFIG}   (or: sqlite3 ${database})`);
  return lines;
}
