/**
 * Config mistakes are caught at load, exit 2, naming the key path (issue #11, Found 5, 6, 7): database
 * folders that cannot be made (no mkdir loop), cron expressions that never fire, unknown time zones,
 * alert field labels (mapped to canonical keys, checked on a crawl), duplicate alert names and unknown
 * field keys, start URLs with a password. Run in process (src/cli/run.ts); a folder the user may not
 * write is in load-checks.process.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SOURCE = { id: 'alpha', startUrls: ['http://127.0.0.1:9/col/col1/index.html'] };

describe('database paths', () => {
  it('exit 2 naming the folder when it cannot be made: under /proc (no endless mkdir loop), below a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file.txt'), 'not a folder');
    const proc = writeConfig(join(dir), { database: '/proc/nope/x.db', sources: [SOURCE] });
    const [crawlProc, statsProc] = await Promise.all([
      runCliInProcess(['crawl', '--config', proc.configPath]),
      runCliInProcess(['stats', '--config', proc.configPath]),
    ]);
    expect(crawlProc.code).toBe(2);
    expect(crawlProc.stderr).toContain('database: cannot create the folder /proc/nope for /proc/nope/x.db');
    expect(statsProc.code).toBe(2);
    expect(statsProc.stderr).toContain('no archive at /proc/nope/x.db');
    mkdirSync(join(dir, 'b'));
    const belowFile = writeConfig(join(dir, 'b'), { database: join(dir, 'file.txt', 'sub', 'x.db'), sources: [SOURCE] });
    const crawlFile = await runCliInProcess(['crawl', '--config', belowFile.configPath]);
    expect(crawlFile.code).toBe(2);
    expect(crawlFile.stderr).toContain(`database: ${join(dir, 'file.txt', 'sub', 'x.db')}: ${join(dir, 'file.txt')} is a file, not a folder`);
    expect(crawlFile.stderr).not.toMatch(/EEXIST|ENOTDIR|\n\s+at /);
  });
});

describe('schedules', () => {
  it('a cron expression that never fires and an unknown time zone: exit 2 before the archive is touched', async () => {
    const dir = tempDir();
    const never = writeConfig(dir, { sources: [{ ...SOURCE, schedule: '0 0 31 2 *' }] });
    const result = await runCliInProcess(['schedule', '--config', never.configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources.0.schedule: "0 0 31 2 *" never comes due (no such date)');
    expect(existsSync(never.databasePath)).toBe(false); // so no lock row either
    const mars = writeConfig(dir, { sources: [SOURCE], scheduler: { timezone: 'Mars/Olympus' } });
    const zone = await runCliInProcess(['schedule', '--config', mars.configPath]);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('scheduler.timezone: expected an IANA time zone');
    expect(existsSync(mars.databasePath)).toBe(false);
  });
});

describe('alert rules', () => {
  it('a field written as the page label (效力状况) matches its canonical key; the event in the archive carries the rule', async () => {
    const site = await startTestSite({
      routes: {
        '/col/col1/index.html': { body: listPage(linkItems([docPath(1)])) },
        [docPath(1)]: { body: disclosurePage('关于废止部分规范性文件的通知', '废止', '<table><tr><th>效力状况：</th><td>失效</td></tr></table>') },
      },
    });
    onTestFinished(() => site.close());
    const dir = tempDir();
    const { configPath, databasePath } = writeConfig(dir, {
      sources: [{ id: 'alpha', startUrls: [`${site.baseUrl}/col/col1/index.html`] }],
      alerts: [{ name: 'repealed', on: ['document.created'], fields: { 效力状况: '失效' } }],
    });
    const result = await runCliInProcess(['crawl', '--config', configPath]);
    expect(result.code).toBe(0);
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    const fields = JSON.parse(db.prepare('SELECT fields FROM documents_latest').pluck().get() as string) as Record<string, string>;
    expect(fields.validity).toBe('失效');
    expect(db.prepare('SELECT alerts FROM events').pluck().all()).toEqual(['["repealed"]']);
  });

  it('duplicate names, unknown field keys and unknown sources are refused with their key paths', async () => {
    const { configPath } = writeConfig(tempDir(), {
      sources: [SOURCE],
      alerts: [
        { name: 'plan', titlePattern: '计划' },
        { name: 'plan', fields: { validty: '失效', Publisher: 'x' }, sources: ['beta'] },
      ],
    });
    const result = await runCliInProcess(['export', '--config', configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('alerts.1.name: duplicate alert name "plan"');
    // Only reported once the schema's own checks pass: fixed, the rest shows.
    const next = writeConfig(tempDir(), { sources: [SOURCE], alerts: [{ name: 'plan', fields: { validty: '失效', Publisher: 'x' }, sources: ['beta'] }] });
    const fields = await runCliInProcess(['export', '--config', next.configPath]);
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('alerts.0.fields.validty: unknown field "validty": expected a canonical key (indexNo,');
    expect(fields.stderr).toContain('alerts.0.fields.Publisher: unknown field "Publisher": did you mean "publisher"?');
    expect(fields.stderr).toContain('alerts.0.sources.0: unknown source "beta": expected one of alpha');
  });
});

describe('start URLs', () => {
  it('a start URL with user:password@ is refused naming the key, without echoing the password', async () => {
    const { configPath } = writeConfig(tempDir(), { sources: [{ id: 'alpha', startUrls: ['http://archivist:hunter2@127.0.0.1:9/col/'] }] });
    const result = await runCliInProcess(['crawl', '--config', configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources.0.startUrls.0: expected a URL without user:password@');
    expect(result.stderr).not.toContain('hunter2');
  });
});
