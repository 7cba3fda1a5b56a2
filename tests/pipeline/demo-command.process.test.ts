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
    expect(result.stdout).toMatch(/First crawl: +\d+ pages fetched, 11 documents stored, 0 errors/);
    expect(result.stdout).toMatch(/Second crawl: .* 11 answered 304 Not Modified, 0 new versions/);
    expect(result.stdout).toContain('2021年无锡市滨湖区教育局工作要点');
    // The notice whose plan is in its attachments: both files read, by the compiled readers' workers.
    expect(result.stdout).toMatch(/2025-03-10 · v1 · \d+ fields \([^)]*\) · 2 attachments \(2 ok\)/);
    const dbPath = join(cwd, 'storage/demo.db');
    expect(existsSync(dbPath)).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(11);
    db.close();
    // The config the demo leaves behind lets every other command explore the archive.
    const exported = await runCli(['export', '--config', 'storage/demo.yaml'], { cwd });
    expect(exported.stdout.trim().split('\n')).toHaveLength(11);
    const found = await runCli(['search', '优质均衡发展行动', '--json', '--config', 'storage/demo.yaml'], { cwd });
    expect(JSON.parse(found.stdout).map((hit: { title: string; matchedAttachment?: { name: string } }) => [hit.title, hit.matchedAttachment?.name]))
      .toEqual([['潜江市教育局关于印发《2025年全市教育工作要点》的通知', '2025年全市教育工作要点.pdf']]);
  });
});
