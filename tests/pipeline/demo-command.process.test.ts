import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('bureau-watch demo', () => {
  it('serves the replica site, crawls it into storage/demo.db and prints a summary', async () => {
    const cwd = tempDir();
    const result = await runCli(['demo'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/First crawl: +\d+ pages fetched, 10 documents stored, 0 errors/);
    expect(result.stdout).toMatch(/Second crawl: .* 10 answered 304 Not Modified, 0 new versions/);
    expect(result.stdout).toContain('2021年无锡市滨湖区教育局工作要点');
    const dbPath = join(cwd, 'storage/demo.db');
    expect(existsSync(dbPath)).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(10);
    db.close();
    // The config the demo leaves behind lets every other command explore the archive.
    const exported = await runCli(['export', '--config', 'storage/demo.yaml'], { cwd });
    expect(exported.stdout.trim().split('\n')).toHaveLength(10);
  });
});
