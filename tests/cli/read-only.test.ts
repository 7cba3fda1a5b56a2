/**
 * Read commands never create, migrate or need secrets (issue #11, Found 3, 4, 12): a missing archive or
 * one of another schema version is named with what to do (exit 2), and nothing is created or changed.
 * Run in process (src/cli/run.ts); readers without write access, and a fresh checkout, are in
 * read-only.process.test.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDocuments, openTestArchive } from '../helpers/archive.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';

/** A sink whose secret is not set anywhere: read commands must not need it. */
const SINK_WITH_SECRET = ['sinks:', '  - type: webhook', '    url: http://127.0.0.1:9/hook', '    secret: ${BW_READ_ONLY_TEST_SECRET}'];

describe('read commands never create, migrate or need secrets', () => {
  it('a missing archive is an error naming the path with a hint, exit 2, and nothing is created', async () => {
    const dir = tempDir();
    const database = join(dir, 'typo', 'archive.db');
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, `database: ${JSON.stringify(database)}\nsinks: [{ type: ndjson, path: ${JSON.stringify(join(dir, 'e.ndjson'))} }]\n`);
    const commands = [['search', '工作要点'], ['stats'], ['export'], ['events'], ['show', '0123456789abcdef'], ['deliver']];
    const results = await Promise.all(commands.map((command) => runCliInProcess([...command, '--config', configPath])));
    results.forEach((result, index) => {
      expect(result.code, commands[index]![0]).toBe(2);
      expect(result.stderr).toContain(`no archive at ${database}: run \`bureau-watch crawl\` first, or pass --config`);
    });
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('names an older schema ("run crawl once to upgrade") and a newer one, and changes neither', async () => {
    const test = openTestArchive();
    const newest = test.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number;
    test.db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(newest);
    const older = await runCliInProcess(['search', '通知', '--config', test.configPath]);
    expect(older.code).toBe(2);
    expect(older.stderr).toContain(
      `has schema version ${newest - 1}, older than this bureau-watch's (${newest}): run \`bureau-watch crawl\` once to upgrade it`,
    );
    expect(test.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(newest - 1);
    test.db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', '2099-01-01')").run(newest + 5);
    const newer = await runCliInProcess(['stats', '--config', test.configPath]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain(`has schema version ${newest + 5}, newer than this bureau-watch reads (${newest}): upgrade bureau-watch`);
  });

  it('export needs no sink secret; crawl and deliver do, naming the key', async () => {
    const test = openTestArchive({ extraConfig: [...SINK_WITH_SECRET, 'proxy: http://user:${BW_READ_ONLY_TEST_PROXY}@127.0.0.1:9'] });
    addDocuments(test, 0, 2);
    const env = { BW_READ_ONLY_TEST_SECRET: undefined, BW_READ_ONLY_TEST_PROXY: undefined };
    const [exported, deliver] = await Promise.all([
      runCliInProcess(['export', '--format', 'csv', '--config', test.configPath], { env }),
      runCliInProcess(['deliver', '--config', test.configPath], { env }),
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(3);
    expect(deliver.code).toBe(2);
    expect(deliver.stderr).toContain('sinks.0.secret: environment variable BW_READ_ONLY_TEST_SECRET is not set');
  });
});

describe('an archive file', () => {
  it('an archive file that is not one is named as such', async () => {
    const dir = tempDir();
    const database = join(dir, 'notes.db');
    new Database(database).exec('CREATE TABLE notes (x)');
    writeFileSync(join(dir, 'c.yaml'), `database: ${JSON.stringify(database)}\n`);
    const result = await runCliInProcess(['stats', '--config', join(dir, 'c.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${database} is not a bureau-watch archive`);
  });
});
