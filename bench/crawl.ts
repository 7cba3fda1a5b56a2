import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT, runChild, type ChildMeasure } from './child.js';

/** The real `bureau-watch crawl` (the compiled CLI, as installed), on a config naming one source per host. */
export interface CrawlSetup {
  dir: string;
  startUrls: string[];
  concurrencyPerHost: number;
  requestsPerMinute: number;
}

export function writeCrawlConfig(setup: CrawlSetup): string {
  const configPath = join(setup.dir, 'bench.yaml');
  const sources = setup.startUrls.map((url, i) =>
    [
      `  - id: bench-${i + 1}`,
      `    startUrls: ["${url}"]`,
      `    maxRequestsPerMinute: ${setup.requestsPerMinute}`,
      `    maxConcurrencyPerHost: ${setup.concurrencyPerHost}`,
    ].join('\n'),
  );
  writeFileSync(configPath, [`database: ${join(setup.dir, 'archive.db')}`, `storageDir: ${join(setup.dir, 'storage')}`, 'sources:', ...sources, ''].join('\n'));
  return configPath;
}

let built = false;

/**
 * Runs `dist/cli/main.js crawl`, what an installed bureau-watch runs: start-up is then module loading,
 * not tsx compiling the sources (about a second per run, which weighed most on the short re-crawls).
 * dist/ is built from the sources once per bench process.
 */
export async function runCrawlCli(configPath: string, nodeFlags: string[] = [], crawlFlags: string[] = []): Promise<ChildMeasure> {
  if (!built) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'tsconfig.json')]);
    built = true;
  }
  return runChild({ args: ['dist/cli/main.js', 'crawl', '--config', configPath, ...crawlFlags], nodeFlags });
}

export interface ArchiveCounts {
  documents: number;
  versions: number;
  events: number;
  /** Documents linked as (near-)duplicates of another: should be 0 on the generated site. */
  duplicates: number;
}

export function archiveCounts(databasePath: string): ArchiveCounts {
  const db = new Database(databasePath, { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const duplicates = db.prepare('SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL').pluck().get() as number;
    return { documents: count('documents'), versions: count('versions'), events: count('events'), duplicates };
  } finally {
    db.close();
  }
}
