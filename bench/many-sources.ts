/**
 * The many-sources scenario (issue 15): what a source costs a run before any of its pages. The same
 * generated site is crawled twice with the same pages fetched: once as one source per column
 * (1,000 sources × 5 documents on the default sizes), once as one source per host naming all that
 * host's columns as start URLs. The difference in CPU and peak RSS, divided by the extra sources,
 * is the per-source overhead; the pages cancel out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildMeasure } from './child.js';
import { archiveCounts, runCrawlCli } from './crawl.js';
import { buildBenchSite, type BenchSite } from './site/build.js';
import { columnPagePath } from './site/pages.js';

export interface ManySourcesOptions {
  hosts: number;
  sources: number;
  documentsPerSource: number;
  concurrencyPerHost: number;
  requestsPerMinute: number;
}

export interface ManySourcesResult {
  manySources: number;
  fewSources: number;
  many: ChildMeasure;
  few: ChildMeasure;
  documents: { many: number; few: number };
  /** Extra CPU (ms) and peak RSS (KB) per extra source. */
  cpuMsPerSource: number;
  memoryKbPerSource: number;
}

function writeConfig(dir: string, sources: string[][], options: ManySourcesOptions): string {
  const configPath = join(dir, 'bench.yaml');
  const lines = sources.map((startUrls, i) =>
    [
      `  - id: src-${i + 1}`,
      `    startUrls: [${startUrls.map((url) => `"${url}"`).join(', ')}]`,
      `    maxRequestsPerMinute: ${options.requestsPerMinute}`,
      `    maxConcurrencyPerHost: ${options.concurrencyPerHost}`,
    ].join('\n'),
  );
  writeFileSync(configPath, [`database: ${join(dir, 'archive.db')}`, `storageDir: ${join(dir, 'storage')}`, 'sources:', ...lines, ''].join('\n'));
  return configPath;
}

async function crawlAs(sources: string[][], options: ManySourcesOptions): Promise<{ measure: ChildMeasure; documents: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-sources-'));
  try {
    const measure = await runCrawlCli(writeConfig(dir, sources, options));
    return { measure, documents: archiveCounts(join(dir, 'archive.db')).documents };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function columnUrls(site: BenchSite): string[][] {
  return site.layouts.map((layout) => layout.columns.map((column) => `${layout.baseUrl}${columnPagePath(column.id, 1)}`));
}

export async function runManySourcesBench(options: ManySourcesOptions, say: (line: string) => void): Promise<ManySourcesResult> {
  const columnsPerHost = Math.ceil(options.sources / options.hosts);
  const site = await buildBenchSite({ hosts: options.hosts, documentsPerHost: columnsPerHost * options.documentsPerSource, columnsPerHost });
  try {
    const perHost = columnUrls(site);
    const perColumn = perHost.flat().map((url) => [url]);
    say(`running: ${perColumn.length} sources × ${options.documentsPerSource} documents …`);
    const many = await crawlAs(perColumn, options);
    say(`  ${many.measure.wallSeconds.toFixed(2)} s, ${many.documents} documents, CPU ${many.measure.cpuSeconds.toFixed(1)} s`);
    say(`running: the same pages as ${perHost.length} sources …`);
    const few = await crawlAs(perHost, options);
    say(`  ${few.measure.wallSeconds.toFixed(2)} s, ${few.documents} documents, CPU ${few.measure.cpuSeconds.toFixed(1)} s`);
    const extra = perColumn.length - perHost.length;
    return {
      manySources: perColumn.length,
      fewSources: perHost.length,
      many: many.measure,
      few: few.measure,
      documents: { many: many.documents, few: few.documents },
      cpuMsPerSource: ((many.measure.cpuSeconds - few.measure.cpuSeconds) * 1000) / extra,
      memoryKbPerSource: (many.measure.peakRssBytes - few.measure.peakRssBytes) / 1024 / extra,
    };
  } finally {
    await site.close();
  }
}
