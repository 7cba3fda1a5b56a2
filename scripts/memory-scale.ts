/**
 * Memory of a crawl as a source grows: crawls a generated loopback column of N documents (20 a
 * list page, chained by 下一页) into a fresh database, then re-crawls it (N conditional GETs),
 * each size in a fresh process, and prints peak RSS (the kernel's maxRSS), the heap still in use
 * after a full GC, and time. Flat memory means the figures barely move from 2,000 to 10,000.
 *
 *   node --expose-gc --import tsx scripts/memory-scale.ts               # 2000 and 10000
 *   node --expose-gc --import tsx scripts/memory-scale.ts --docs 5000   # one size, JSON line
 *   node --expose-gc --import tsx scripts/memory-scale.ts --heap-cap 160 # children run with
 *     --max-old-space-size=160: V8 collects sooner, showing how much of the peak is GC headroom
 */
// The CLI's heap growth policy (src/cli/heap-growth.ts), so these in-process crawls use memory as the CLI does.
import '../src/cli/heap-growth.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateConfig } from '../src/config/load.js';
import { runCrawl } from '../src/crawl/run-crawl.js';
import { createLogger } from '../src/log.js';
import { openDatabase } from '../src/store/database.js';

const PER_PAGE = 20;
const SIZES = [2000, 10000];

interface Measure {
  docs: number;
  firstSecs: number;
  recrawlSecs: number;
  peakRssMb: number;
  rssAfterFirstMb: number;
  heapAfterFirstMb: number;
  heapAfterRecrawlMb: number;
  /** Largest V8 heap reserved, and largest memory outside it (Buffers, SQLite, native), sampled 4×/s. */
  peakHeapTotalMb: number;
  peakExternalMb: number;
  stored: number;
  notModified: number;
}

const { values } = parseArgs({ options: { docs: { type: 'string' }, concurrency: { type: 'string', default: '4' }, 'heap-cap': { type: 'string' } } });

if (values.docs) {
  const measure = await measureOne(Number(values.docs), Number(values.concurrency));
  process.stdout.write(`${JSON.stringify(measure)}\n`);
  process.exit(0);
} else {
  const rows = SIZES.map((docs) => {
    const heapCap = values['heap-cap'] ? [`--max-old-space-size=${values['heap-cap']}`] : [];
    const args = [...heapCap, '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--docs', String(docs), '--concurrency', values.concurrency];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
  });
  process.stdout.write(
    '| documents | first crawl (s) | re-crawl, all 304 (s) | peak RSS (MB) | peak V8 heap reserved (MB) | peak external (MB) | heap in use after GC, first / re-crawl (MB) |\n|---:|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${r.docs} | ${r.firstSecs} | ${r.recrawlSecs} | ${r.peakRssMb} | ${r.peakHeapTotalMb} | ${r.peakExternalMb} | ${r.heapAfterFirstMb} / ${r.heapAfterRecrawlMb} |\n`,
    );
  }
}

async function measureOne(docs: number, concurrency: number): Promise<Measure> {
  const { server, baseUrl } = await serveColumn(docs);
  const dir = mkdtempSync(join(tmpdir(), 'bw-memory-'));
  const db = openDatabase(join(dir, 'archive.db'));
  const config = validateConfig({
    database: db.name,
    sources: [{ id: 'scale', startUrls: [`${baseUrl}/col/col1/index.html`], maxRequestsPerMinute: 1_000_000, maxConcurrencyPerHost: concurrency }],
  });
  const log = createLogger('warn');
  const peaks = { heapTotal: 0, external: 0 };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peaks.heapTotal = Math.max(peaks.heapTotal, usage.heapTotal);
    peaks.external = Math.max(peaks.external, usage.external);
  }, 250);
  try {
    let started = Date.now();
    const first = await runCrawl(db, config, config.sources, log);
    const firstSecs = (Date.now() - started) / 1000;
    const rssAfterFirstMb = mb(process.memoryUsage().rss);
    const heapAfterFirstMb = heapAfterGc();
    started = Date.now();
    // A full pass (every known document revisited), as before the revisit schedule: the re-crawl's memory at this size.
    const again = await runCrawl(db, config, config.sources, log, { revisitAll: true });
    const recrawlSecs = (Date.now() - started) / 1000;
    return {
      docs,
      firstSecs,
      recrawlSecs,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssAfterFirstMb,
      heapAfterFirstMb,
      heapAfterRecrawlMb: heapAfterGc(),
      peakHeapTotalMb: mb(peaks.heapTotal),
      peakExternalMb: mb(peaks.external),
      stored: first.sources.scale!.created,
      notModified: again.sources.scale!.notModified,
    };
  } finally {
    clearInterval(sampler);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    server.close();
  }
}

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** Pages are generated on request, so the server holds nothing per document. */
async function serveColumn(docs: number): Promise<{ server: Server; baseUrl: string }> {
  const pages = Math.ceil(docs / PER_PAGE);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const list = /^\/col\/col1\/(?:index|list_(\d+))\.html$/.exec(path);
    const doc = /^\/art\/2024\/1\/\d+\/art_1_(\d+)\.html$/.exec(path);
    let body: string | null = null;
    if (list) body = listPage(list[1] ? Number(list[1]) : 1, pages, docs);
    else if (doc && Number(doc[1]) < docs) body = documentPage(Number(doc[1]));
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function docPath(n: number): string {
  return `/art/2024/1/${(n % 28) + 1}/art_1_${n}.html`;
}

function listPage(page: number, pages: number, docs: number): string {
  const items: string[] = [];
  for (let n = (page - 1) * PER_PAGE; n < Math.min(page * PER_PAGE, docs); n++) {
    items.push(
      `<li><a href="${docPath(n)}" target="_blank">关于做好第${n}项重点工作的通知</a><span>2024-01-${String((n % 28) + 1).padStart(2, '0')}</span></li>`,
    );
  }
  const next = page < pages ? `<a href="list_${page + 1}.html">下一页</a>` : '<span>下一页</span>';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<div class="nav"><a href="/index.html">首页</a></div><ul class="list">${items.join('\n')}</ul>
<div class="pages">共${docs}条 ${page}/${pages}页 ${next}</div></body></html>`;
}

function documentPage(n: number): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, k) =>
      `<p>第${n}号文件第${k + 1}段：为进一步做好教育系统重点工作，现将有关事项通知如下，请各单位结合实际认真贯彻落实，确保各项任务按期完成。编号${n * 31 + k}。</p>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好第${n}项重点工作的通知_某某区教育局</title>
<meta name="ArticleTitle" content="关于做好第${n}项重点工作的通知"><meta name="PubDate" content="2024-01-${String((n % 28) + 1).padStart(2, '0')}"></head>
<body><div class="nav"><a href="/index.html">首页</a></div><h1>关于做好第${n}项重点工作的通知</h1>
<table class="xxgk"><tr><td>索引号：</td><td>014028901/2024-${String(n).padStart(5, '0')}</td><td>发布机构：</td><td>某某区教育局</td></tr></table>
<div class="content">${paragraphs.join('\n')}</div></body></html>`;
}
