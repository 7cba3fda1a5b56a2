/**
 * `npm run bench:revisit`: what an unchanged re-crawl of a large source costs, before and after the
 * revisit schedule (docs/crawling.md, "Revisits"). One source of 5,000 documents on loopback is
 * crawled once (day 0); then, from copies of that archive:
 * - before: a pass with `revisitAll` (`crawl --revisit-all`), which requests exactly what every run
 *   requested before the schedule: every known document, plus the list pages;
 * - after: a month of daily runs under the default schedule (`revisit.budget` 200, `maxDays` 30).
 * The site counts the requests. Time at the default politeness (30 requests a minute, 2 s apart) is
 * derived from the counts; loopback wall time is measured. The days are the crawl's injected `now`.
 *
 *   node --import tsx bench/revisit.ts [--documents 5000] [--days 30] [--write]
 *
 * Prints Markdown; `--write` replaces the section between the revisit-bench markers of docs/benchmarks.md.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateConfig } from '../src/config/load.js';
import { runCrawl } from '../src/crawl/run-crawl.js';
import { createLogger } from '../src/log.js';
import { openDatabase } from '../src/store/database.js';
import { PER_LIST_PAGE, startColumnSite, type ColumnSite, type RequestTally } from './revisit/column-site.js';

const { values: flags } = parseArgs({
  options: { documents: { type: 'string', default: '5000' }, days: { type: 'string', default: '30' }, write: { type: 'boolean', default: false } },
});
const DOCUMENTS = Number(flags.documents);
const DAYS = Number(flags.days);
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PER_MINUTE = 30;
const say = (line: string) => console.error(line);

interface RunCost {
  tally: RequestTally;
  seconds: number;
  /** Distinct documents asked for. */
  documentPaths: string[];
}

const start = new Date();
const site = await startColumnSite(DOCUMENTS, start);
const dir = mkdtempSync(join(tmpdir(), 'bw-bench-revisit-'));
try {
  say(`first crawl of ${DOCUMENTS} documents …`);
  const first = await crawlAt(join(dir, 'archive.db'), site, 0, false);
  copyFileSync(join(dir, 'archive.db'), join(dir, 'before.db'));
  copyFileSync(join(dir, 'archive.db'), join(dir, 'after.db'));
  say('before: a pass revisiting every known document …');
  const before = await crawlAt(join(dir, 'before.db'), site, 1, true);
  const month: RunCost[] = [];
  for (let day = 1; day <= DAYS; day++) {
    say(`after: day ${day} …`);
    month.push(await crawlAt(join(dir, 'after.db'), site, day, false));
  }
  const report = render(first, before, month);
  console.log(report);
  if (flags.write) writeSection(report);
} finally {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}

/** One crawl of the archive at `path`, `day` days after the first; the database is closed after it (and so checkpointed for a copy). */
async function crawlAt(path: string, column: ColumnSite, day: number, revisitAll: boolean): Promise<RunCost> {
  const config = validateConfig({
    database: path,
    sources: [{ id: 'bench-column', startUrls: [column.startUrl], maxRequestsPerMinute: 600_000, maxConcurrencyPerHost: 4 }],
    attachments: { fetch: false },
  });
  const db = openDatabase(path);
  column.take();
  const started = performance.now();
  try {
    const summary = await runCrawl(db, config, config.sources, createLogger('warn'), { now: new Date(start.getTime() + day * DAY_MS), revisitAll });
    if (summary.status !== 'ok') throw new Error(`day ${day}: the crawl ended ${summary.status}`);
  } finally {
    db.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const { tally, documentPaths } = column.take();
  return { tally, seconds, documentPaths: [...new Set(documentPaths)] };
}

function requests(cost: RunCost): number {
  return cost.tally.listPages + cost.tally.documents + cost.tally.notModified;
}

/** Hours:minutes at the default politeness: request starts 60/30 = 2 s apart. */
function atDefaultRate(count: number): string {
  const minutes = Math.round((count * 60) / DEFAULT_PER_MINUTE / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

function render(first: RunCost, before: RunCost, month: RunCost[]): string {
  const day1 = month[0]!;
  const perRun = month.map(requests);
  const asked = month.map((run) => run.tally.documents + run.tally.notModified);
  const total = perRun.reduce((sum, n) => sum + n, 0);
  const revisited = new Map<string, number>();
  month.forEach((run, index) => run.documentPaths.forEach((path) => revisited.has(path) || revisited.set(path, index + 1)));
  const allBy = revisited.size === DOCUMENTS ? Math.max(...revisited.values()) : null;
  const row = (name: string, cost: RunCost, count = requests(cost)) =>
    `| ${name} | ${cost.tally.listPages} | ${cost.tally.documents + cost.tally.notModified} | ${count} | ${atDefaultRate(count)} | ${cost.seconds.toFixed(1)} |`;
  return [
    `One source of ${DOCUMENTS.toLocaleString('en')} documents (${PER_LIST_PAGE} a list page, ${Math.ceil(DOCUMENTS / PER_LIST_PAGE)} list pages; \`stopAfterKnownListPage\` on), nothing changed after the first crawl; \`revisit\` at its defaults (budget 200, maxDays 30).`,
    '',
    '| run | list pages | documents asked | requests | at 30 requests/min | loopback wall (s) |',
    '|---|---:|---:|---:|---:|---:|',
    row('first crawl (day 0)', first),
    row('**before**: every known document (`--revisit-all`, what every run did before the schedule)', before),
    row('**after**: day 1 (every document due: the budget takes 200)', day1),
    `| after: days 1–${DAYS}, per run | ${Math.min(...month.map((m) => m.tally.listPages))}–${Math.max(...month.map((m) => m.tally.listPages))} | ${Math.min(...asked)}–${Math.max(...asked)} | mean ${(total / DAYS).toFixed(0)}, max ${Math.max(...perRun)} | ${atDefaultRate(Math.max(...perRun))} at most | ${(month.reduce((sum, m) => sum + m.seconds, 0) / DAYS).toFixed(1)} mean |`,
    '',
    `Over ${DAYS} daily runs: ${total.toLocaleString('en')} requests after, ${(requests(before) * DAYS).toLocaleString('en')} before (${DAYS} × ${requests(before).toLocaleString('en')}); ` +
      `${revisited.size.toLocaleString('en')} of the ${DOCUMENTS.toLocaleString('en')} documents were checked again at least once${allBy ? `, every one of them by day ${allBy}` : ''}.`,
    `Measured ${new Date().toISOString().slice(0, 16)}Z, Node ${process.versions.node}, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end.`,
  ].join('\n');
}

function writeSection(report: string): void {
  const path = new URL('../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- revisit-bench:begin -->';
  const end = '<!-- revisit-bench:end -->';
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (at < 0 || stop < at) throw new Error(`docs/benchmarks.md has no ${begin} … ${end} section`);
  writeFileSync(path, `${doc.slice(0, at + begin.length)}\n${report}\n${doc.slice(stop)}`);
}
