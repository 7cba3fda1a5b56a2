import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('bureau-watch demo', () => {
  it('crawls the replica site three times (an edit, a new plan, a page withdrawn) and prints three commands that work', async () => {
    const cwd = tempDir();
    const result = await runCli(['demo'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/First crawl: +\d+ pages fetched, 11 documents stored, 0 errors/);
    expect(result.stdout).toMatch(
      /Second crawl: \d+ pages fetched, 9 answered 304 Not Modified, 1 updated, 1 new \(alert new-plan: 潜江市2024年暑期中小学生安全教育工作计划\), 1 withdrawn page\(s\) answered 404 \(a first time\)/,
    );
    expect(result.stdout).toMatch(/Third crawl: +\d+ pages fetched, 1 removed/);
    expect(result.stdout).toContain('2021年无锡市滨湖区教育局工作要点');
    // The notice whose plan is in its attachments: both files read, by the compiled readers' workers.
    expect(result.stdout).toMatch(/2025-03-10 · v1 · active · \d+ fields \([^)]*\) · 2 attachments \(2 ok\)/);
    const dbPath = join(cwd, 'storage/demo.db');
    expect(existsSync(dbPath)).toBe(true);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT status, count(*) FROM documents GROUP BY 1 ORDER BY 1').raw().all()).toEqual([
      ['active', 11],
      ['removed', 1],
    ]);
    expect(db.prepare('SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 1').raw().all()).toEqual([
      ['document.created', 12],
      ['document.removed', 1],
      ['document.updated', 1],
    ]);
    db.close();

    // The three commands the summary suggests, on real ids, with the config the demo left behind.
    const commands = [...result.stdout.matchAll(/^ {2}npx bureau-watch (show|history|diff) ([0-9a-f]{16}) --config storage\/demo\.yaml/gm)].map(
      (match) => [match[1]!, match[2]!] as const,
    );
    expect(commands.map(([command]) => command)).toEqual(['show', 'history', 'diff']);
    const [show, history, diff] = await Promise.all(commands.map(([command, id]) => runCli([command, id, '--config', 'storage/demo.yaml'], { cwd })));
    expect(show!.code, show!.stderr).toBe(0);
    expect(show!.stdout).toContain('潜江市2024年暑期中小学生安全教育工作计划');
    expect(history!.stdout).toMatch(/^2 .*\+2\/-0 paragraphs$/m);
    expect(diff!.stdout).toContain('+ 四、强化督导结果运用');
    const exported = await runCli(['export', '--config', 'storage/demo.yaml'], { cwd });
    expect(exported.stdout.trim().split('\n')).toHaveLength(12);
    const found = await runCli(['search', '优质均衡发展行动', '--json', '--config', 'storage/demo.yaml'], { cwd });
    expect(JSON.parse(found.stdout).map((hit: { title: string; matchedAttachment?: { name: string } }) => [hit.title, hit.matchedAttachment?.name])).toEqual([
      ['潜江市教育局关于印发《2025年全市教育工作要点》的通知', '2025年全市教育工作要点.pdf'],
    ]);
  });
});
