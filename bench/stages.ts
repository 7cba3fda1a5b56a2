/**
 * `node --import tsx bench/stages.ts [documents]`: CPU per document of each stage of the page
 * pipeline, in process, on the benchmark site's document pages (half GBK): decode, parse, classify,
 * extract, comparison form and hashes, near-duplicate fingerprint, raw-body compression, and the
 * archive's write (with and without the search index). Less sensitive to a loaded machine than the
 * crawl (no network, no concurrency): where the time of one page goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { Archive } from '../src/archive/archive.js';
import { compareDocument } from '../src/archive/changes.js';
import type { DocumentSnapshot } from '../src/archive/snapshot.js';
import { processPage } from '../src/crawl/process-page.js';
import { fingerprintOfComparison } from '../src/dedupe/lsh-index.js';
import { decodeBody } from '../src/decode/index.js';
import { classifyPage } from '../src/discover/classify.js';
import { outboxRecorder } from '../src/events/outbox.js';
import { extractDocument } from '../src/extract/index.js';
import type { FetchedResponse } from '../src/fetch/types.js';
import { parseHtml } from '../src/html/parse.js';
import { openDatabase } from '../src/store/database.js';
import { startRun } from '../src/store/runs.js';
import { WriteQueue } from '../src/store/write-queue.js';
import { buildBenchSite } from './site/build.js';

const documents = Number(process.argv[2] ?? 400);

async function responses(): Promise<FetchedResponse[]> {
  const site = await buildBenchSite({ hosts: 2, documentsPerHost: Math.ceil(documents / 2) });
  const all: FetchedResponse[] = [];
  for (const host of site.hosts) {
    for (const [path, page] of host.pages) {
      if (!path.startsWith('/art/')) continue;
      const url = host.baseUrl + path;
      all.push({
        ok: true,
        request: { url, kind: 'unknown', hint: 'document' },
        url,
        status: 200,
        headers: { 'content-type': 'text/html', etag: page.etag },
        body: page.body,
        fetchedAt: new Date().toISOString(),
      });
    }
  }
  await site.close();
  return all;
}

function time<T>(label: string, items: T[], work: (item: T) => unknown): void {
  for (const item of items.slice(0, 20)) work(item); // warm-up
  const started = process.cpuUsage();
  for (const item of items) work(item);
  const used = process.cpuUsage(started);
  process.stdout.write(`${label.padEnd(44)} ${((used.user + used.system) / 1000 / items.length).toFixed(3)} ms\n`);
}

function writeMs(snapshots: DocumentSnapshot[], dropTriggers: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bw-stages-'));
  const db = openDatabase(join(dir, 'archive.db'));
  for (const trigger of dropTriggers) db.exec(`DROP TRIGGER ${trigger}`);
  const sources = [...new Set(snapshots.map((s) => s.sourceId))];
  const archive = new Archive(db, { runId: startRun(db, sources), events: outboxRecorder(db) });
  for (const id of sources) archive.upsertSource({ id, name: id, startUrls: [] });
  const writes = new WriteQueue(db, { maxDelayMs: 3_600_000 });
  const started = process.cpuUsage();
  for (const snapshot of snapshots) writes.push(() => void archive.recordSnapshot(snapshot));
  writes.flush();
  const used = process.cpuUsage(started);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (used.user + used.system) / 1000 / snapshots.length;
}

const pages = await responses();
process.stdout.write(`${pages.length} document pages, ${(pages.reduce((n, p) => n + p.body.byteLength, 0) / pages.length / 1024).toFixed(1)} KiB on average\n`);
const decoded = pages.map((page) => ({ page, html: decodeBody(page.body, page.headers['content-type']).html }));
time('decode', pages, (page) => decodeBody(page.body, page.headers['content-type']));
time('parse (htmlparser2, depth cap)', decoded, ({ html }) => parseHtml(html));
const parsed = decoded.map(({ page, html }) => ({ page, $: parseHtml(html) }));
time('classify', parsed, ({ page, $ }) => classifyPage($, page.url, 'document'));
time('extract', parsed, ({ page, $ }) => extractDocument($, page.url));
time('processPage (all of the above)', pages, (page) => processPage(page, 'bench'));
const snapshots = pages.map((page, i) => ({ ...(processPage(page, `bench-${i % 2}`) as { snapshot: DocumentSnapshot }).snapshot }));
time('compareDocument (comparison form, hashes)', snapshots, (s) => compareDocument(s.document));
const compared = snapshots.map((s) => compareDocument(s.document));
time('fingerprint (shingles, MinHash)', compared, (c) => fingerprintOfComparison(c.comparison));
time('brotli q5 of the raw body', pages, (page) =>
  brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.byteLength } }),
);
const full = writeMs(snapshots, []);
const bare = writeMs(snapshots, ['search_index_version']);
process.stdout.write(
  `${'recordSnapshot, batched, as is'.padEnd(44)} ${full.toFixed(3)} ms\n${'recordSnapshot without the search index'.padEnd(44)} ${bare.toFixed(3)} ms\n`,
);
