/**
 * Read commands open the archive read-only (issue #11, Found 3, 4, 12): a user who may write neither
 * the file nor its folder reads it, with no sink secret set; nothing is created or left behind; a
 * fresh checkout without an archive is told what to do (exit 2). Dropping privileges needs root (the
 * tests run as root here); elsewhere those tests are skipped. Missing archives, other schema versions
 * and secrets only crawl needs: read-only.test.ts (in process).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocuments, openTestArchive, type TestArchive } from '../helpers/archive.js';
import { REPO_ROOT, parseLogLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const NOBODY = { uid: 65534, gid: 65534 };
const IS_ROOT = process.geteuid?.() === 0;
/** A sink whose secret is not set anywhere: read commands must not need it. */
const SINK_WITH_SECRET = ['sinks:', '  - type: webhook', '    url: http://127.0.0.1:9/hook', '    secret: ${BW_READ_ONLY_TEST_SECRET}'];

/** An archive of 5 documents, closed (no -wal/-shm left), readable by everyone; its folder writable by root only unless `folderMode`. */
function sharedArchive(folderMode = 0o755): TestArchive {
  const test = openTestArchive({ extraConfig: SINK_WITH_SECRET });
  addDocuments(test, 0, 5);
  test.db.close();
  chmodSync(test.dir, folderMode);
  return test;
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('reading an archive without write access', () => {
  it.skipIf(!IS_ROOT)('works as a user who can write neither the file nor its folder, without the sink secret (needs root to drop privileges)', async () => {
    const test = sharedArchive();
    const before = fileHash(test.databasePath);
    const asNobody = { user: NOBODY, env: { BW_READ_ONLY_TEST_SECRET: undefined } };
    const [search, exported, stats, events] = await Promise.all([
      runCli(['search', '工作计划', '--limit', '1', '--config', test.configPath], asNobody),
      runCli(['export', '--config', test.configPath], asNobody),
      runCli(['stats', '--json', '--config', test.configPath], asNobody),
      runCli(['events', '--json', '--config', test.configPath], asNobody),
    ]);
    expect(search.stderr).not.toContain('readonly');
    expect(search).toMatchObject({ code: 0 });
    expect(search.stdout).toContain('1 of 2 documents');
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(5);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'alpha' })]));
    expect(events.code).toBe(0);
    expect(JSON.parse(events.stdout)).toHaveLength(5);
    // The folder could not take a -shm file: each read a private copy, and says so.
    expect(parseLogLines(search.stderr).map((line) => line.msg)).toContainEqual(expect.stringMatching(/^reading a private copy of the archive/));
    expect(readdirSync(test.dir).sort()).toEqual(['archive.db', 'config.yaml']);
    expect(fileHash(test.databasePath)).toBe(before);
  });

  it.skipIf(!IS_ROOT)('leaves no -wal/-shm files owned by the reader in a folder it may write (needs root)', async () => {
    const test = sharedArchive(0o777);
    const result = await runCli(['show', 'http://bureau.example/art/2024/3/1.html', '--config', test.configPath], { user: NOBODY });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('第1号工作计划');
    expect(readdirSync(test.dir).sort()).toEqual(['archive.db', 'config.yaml']);
  });

  it.skipIf(!IS_ROOT)('reads in place, latest commits included, while a writer holds the archive open (needs root)', async () => {
    const test = openTestArchive();
    addDocuments(test, 0, 3); // committed to the -wal, not yet to the main file
    chmodSync(test.dir, 0o755);
    const result = await runCli(['search', '正文', '--json', '--config', test.configPath], { user: NOBODY });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(3);
    expect(result.stderr).not.toContain('private copy');
  });
});

describe('a fresh checkout', () => {
  it('`search` without --config and without an archive says so (exit 2) and creates nothing; `demo --config` is refused', async () => {
    const checkout = tempDir();
    mkdirSync(join(checkout, 'config'));
    copyFileSync(join(REPO_ROOT, 'config', 'sources.yaml'), join(checkout, 'config', 'sources.yaml'));
    const [search, demo] = await Promise.all([
      runCli(['search', '工作要点'], { cwd: checkout, env: { BUREAU_WATCH_CONFIG: undefined } }),
      runCli(['demo', '--config', 'config/sources.yaml'], { cwd: checkout }),
    ]);
    expect(search.code).toBe(2);
    expect(search.stderr).toContain(`no archive at ${join(checkout, 'storage', 'bureau-watch.db')}: run \`bureau-watch crawl\` first, or pass --config`);
    expect(search.stdout).toBe('');
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('demo takes no --config');
    expect(existsSync(join(checkout, 'storage'))).toBe(false);
  });
});
