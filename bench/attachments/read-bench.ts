/**
 * Attachment reading throughput: for each type, a fresh process reads a generated file of typical size
 * through the public API (one worker kept warm, OCR off) and reports MB/s, text characters per second,
 * files/s, the first read (worker start + library load) and the process's peak RSS (workers included:
 * they are threads). The library is compiled to bench/.cache first (type check skipped: that is
 * `npm run typecheck`'s job), because workers started from the TypeScript sources load every library
 * through tsx, which costs seconds per worker and triples the peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runChild } from '../child.js';
import { benchFile, type BenchType } from './files.js';

interface ChildReport {
  type: string;
  bytes: number;
  textLength: number;
  firstReadMs: number;
  reads: number;
  elapsedMs: number;
}

export interface ReadBenchOptions {
  types: readonly BenchType[];
  /** Time each type's child spends reading (after the first read). */
  budgetMs: number;
  /** Called with each type as it finishes. */
  progress?: (line: string) => void;
}

/** Runs the children and returns the Markdown table. */
export async function runAttachmentReadBench(options: ReadBenchOptions): Promise<string> {
  const compiledDir = join(REPO_ROOT, 'bench', '.cache', 'attachments-dist');
  rmSync(compiledDir, { recursive: true, force: true });
  execFileSync(process.execPath, [
    join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    ...['--outDir', compiledDir, '--rootDir', join(REPO_ROOT, 'src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext'],
    ...['--target', 'ES2022', '--noCheck', '--skipLibCheck', '--esModuleInterop', '--types', 'node'],
    join(REPO_ROOT, 'src/attachments/index.ts'),
    join(REPO_ROOT, 'src/attachments/worker/entry.ts'),
  ]);
  const compiledIndex = join(compiledDir, 'attachments', 'index.js');
  mkdirSync(compiledDir, { recursive: true });
  const rows: string[] = [];
  for (const type of options.types) {
    const filePath = join(compiledDir, `${type}.bin`);
    writeFileSync(filePath, benchFile(type));
    const measure = await runChild({ args: ['bench/attachments/child-read.ts', type, filePath, String(options.budgetMs), compiledIndex] });
    const report = JSON.parse(measure.stdout.trim().split('\n').at(-1)!) as ChildReport;
    const perFileMs = report.elapsedMs / report.reads;
    const megabytesPerSecond = report.bytes / 1e6 / (perFileMs / 1000);
    rows.push(
      `| ${type} | ${(report.bytes / 1024).toFixed(0)} KB | ${report.textLength} | ${perFileMs.toFixed(1)} ms | ` +
        `${megabytesPerSecond.toFixed(2)} | ${(report.textLength / perFileMs).toFixed(0)} | ${(1000 / perFileMs).toFixed(1)} | ` +
        `${report.firstReadMs.toFixed(0)} ms | ${(measure.peakRssBytes / 1024 / 1024).toFixed(0)} MB |`,
    );
    options.progress?.(`${type}: ${perFileMs.toFixed(1)} ms a file, ${megabytesPerSecond.toFixed(2)} MB/s`);
  }
  // MB/s is of file bytes; k chars/s of text out, the fairer figure for formats that compress well.
  return [
    '| type | file | text chars | per file (warm) | MB/s | k chars/s | files/s | first read | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
