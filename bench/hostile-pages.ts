/**
 * What one hostile page costs the crawl: each shape in bench/hostile/shapes.ts is served on
 * loopback and crawled by the real CLI (`src/cli/main.ts crawl`, one source, that page only) in a
 * fresh process; prints wall time, peak RSS (VmHWM), whether the page was stored or failed alone,
 * and the log line of a failure. `--write` puts the table into docs/benchmarks.md between the
 * `hostile:begin`/`hostile:end` markers.
 *
 *   node --import tsx bench/hostile-pages.ts [--write] [--only <name substring>]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runChild, REPO_ROOT } from './child.js';
import { archiveCounts } from './crawl.js';
import { SHAPES, type HostileShape } from './hostile/shapes.js';

const { values: flags } = parseArgs({ options: { write: { type: 'boolean', default: false }, only: { type: 'string' } } });

interface Row {
  shape: HostileShape;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  exitCode: number | null;
  stored: number;
  failure: string;
}

const pages = new Map<string, Buffer>();
const server = createServer((req, res) => {
  const body = pages.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.byteLength) }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const rows: Row[] = [];
try {
  // The first shape is the baseline the others are compared with: always run.
  for (const shape of SHAPES.filter((s, i) => i === 0 || !flags.only || s.name.includes(flags.only))) {
    pages.set(shape.path, Buffer.from(shape.build(), 'utf8'));
    process.stdout.write(`crawling: ${shape.name} …\n`);
    rows.push(await crawlOne(shape));
    pages.delete(shape.path);
  }
} finally {
  server.close();
}
const table = renderTable(rows);
process.stdout.write(`\n${table}\n`);
if (flags.write) writeSection(table);

async function crawlOne(shape: HostileShape): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-hostile-'));
  try {
    const configPath = join(dir, 'hostile.yaml');
    writeFileSync(
      configPath,
      [
        `database: ${join(dir, 'archive.db')}`,
        `storageDir: ${join(dir, 'storage')}`,
        'sources:',
        '  - id: hostile',
        `    startUrls: ["${baseUrl}${shape.path}"]`,
        '    maxPages: 1',
        '    maxRequestsPerMinute: 60000',
        '',
      ].join('\n'),
    );
    const measure = await runChild({ args: ['src/cli/main.ts', 'crawl', '--config', configPath], okExitCodes: [0, 1] });
    return {
      shape,
      bytes: pages.get(shape.path)?.byteLength ?? 0,
      seconds: measure.wallSeconds,
      peakRssMb: Math.round(measure.peakRssBytes / 1024 / 1024),
      exitCode: measure.exitCode,
      stored: archiveCounts(join(dir, 'archive.db')).documents,
      failure: failureLine(measure.stderr),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The crawl's error line for the page, if any (JSON log lines on stderr). */
function failureLine(stderr: string): string {
  for (const line of stderr.split('\n')) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 50 && entry.msg) return entry.msg;
    } catch {
      // not a log line
    }
  }
  return '';
}

function renderTable(measured: Row[]): string {
  const baseline = measured[0]?.peakRssMb ?? 0;
  const lines = ['| page | size | wall time (s) | peak RSS (MB) | over the baseline crawl (MB) | outcome |', '|---|---:|---:|---:|---:|---|'];
  for (const row of measured) {
    lines.push(
      `| ${row.shape.name}: ${row.shape.note} | ${(row.bytes / 1e6).toFixed(1)} MB | ${row.seconds.toFixed(1)} | ${row.peakRssMb} | ${row.peakRssMb - baseline} | ${outcome(row)} |`,
    );
  }
  lines.push(
    '',
    `Measured ${new Date().toISOString().slice(0, 16)}Z, Node ${process.versions.node}, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end.`,
  );
  return lines.join('\n');
}

function outcome(row: Row): string {
  if (row.stored > 0) return 'stored';
  if (row.failure) return `failed alone (errors 1, exit ${row.exitCode}): \`${row.failure}\``;
  if (row.shape.path.startsWith('/col/')) return 'read as a list page: its items found (none fetched: maxPages 1)';
  return `nothing stored, exit ${row.exitCode}`;
}

function writeSection(table: string): void {
  const path = join(REPO_ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const begin = '<!-- hostile:begin -->';
  const end = '<!-- hostile:end -->';
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (at < 0 || stop < at) throw new Error(`docs/benchmarks.md has no ${begin} … ${end} section`);
  writeFileSync(path, `${doc.slice(0, at + begin.length)}\n${table}\n${doc.slice(stop)}`);
}
