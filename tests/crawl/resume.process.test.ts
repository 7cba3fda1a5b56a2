import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, REPO_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { documentPage, listPage, numberedItems } from './helpers/pages.js';
import { startFixtureSite, type FixtureSite } from './helpers/site.js';

const CLI_ENTRY = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const DOCUMENTS = 60;

let site: FixtureSite;
afterEach(async () => {
  await site.close();
});

/** Six column pages of ten documents; each document takes a little while, so a crawl lasts seconds. */
async function slowColumn(): Promise<string[]> {
  site = await startFixtureSite();
  const items = numberedItems(1, DOCUMENTS);
  for (let page = 0; page < 6; page++) {
    const next = page < 5 ? `<a href="list_${page + 2}.html">下一页</a>` : '';
    site.routes.set(`/col/c/${page === 0 ? 'index.html' : `list_${page + 1}.html`}`, { body: listPage(items.slice(page * 10, page * 10 + 10), next) });
  }
  for (const item of items) site.routes.set(item.href, { body: documentPage(item.title), delay: 25 });
  return items.map((item) => site.baseUrl + item.href).sort();
}

function writeConfig(dir: string): string {
  const path = join(dir, 'sources.yaml');
  writeFileSync(path, [
    `database: ${join(dir, 'archive.db')}`,
    'sources:',
    '  - id: slow',
    `    startUrls: ["${site.baseUrl}/col/c/index.html"]`,
    '    maxRequestsPerMinute: 60000',
  ].join('\n'));
  return path;
}

function query<T>(database: string, sql: string): T[] {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function documentCount(database: string): Promise<number> {
  try {
    return (query<{ n: number }>(database, 'SELECT count(*) AS n FROM documents')[0]?.n) ?? 0;
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Starts `crawl`, waits until some documents are committed, then SIGKILLs it: no cleanup runs. */
async function crawlAndKill(configPath: string, database: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI_ENTRY, 'crawl', '--config', configPath], { cwd: REPO_ROOT, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 30_000;
  while ((await documentCount(database)) < 10 && Date.now() < deadline) await sleep(25);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return documentCount(database);
}

describe('resume after kill -9', () => {
  it('loses and doubles no document, leaves the database intact, and ends as an uninterrupted crawl does', async () => {
    const expected = await slowColumn();
    const referenceDir = tempDir();
    const reference = await runCli(['crawl', '--config', writeConfig(referenceDir)]);
    expect(reference.code, reference.stderr).toBe(0);
    const uninterrupted = query(join(referenceDir, 'archive.db'), 'SELECT url, content_hash FROM documents ORDER BY url');

    const dir = tempDir();
    const configPath = writeConfig(dir);
    const database = join(dir, 'archive.db');
    const storedAtKill = await crawlAndKill(configPath, database);
    expect(storedAtKill).toBeGreaterThanOrEqual(10);
    expect(storedAtKill).toBeLessThan(DOCUMENTS);
    expect(query(database, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    const rerun = await runCli(['crawl', '--config', configPath]);
    expect(rerun.code, rerun.stderr).toBe(0);

    expect(query<{ url: string }>(database, 'SELECT url FROM documents ORDER BY url').map((row) => row.url)).toEqual(expected);
    expect(query(database, 'SELECT url, content_hash FROM documents ORDER BY url')).toEqual(uninterrupted);
    expect(query(database, 'SELECT count(*) AS n FROM versions')).toEqual([{ n: DOCUMENTS }]);
    const created = query<{ document_id: string }>(database, "SELECT document_id FROM events WHERE type = 'document.created'");
    expect(created).toHaveLength(DOCUMENTS);
    expect(new Set(created.map((row) => row.document_id)).size).toBe(DOCUMENTS);
    expect(query(database, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
