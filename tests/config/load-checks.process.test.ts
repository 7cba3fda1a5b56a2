/**
 * Config checks through the compiled CLI (issue #11, Found 5, 7): a database folder the user may not
 * write is exit 2 naming it; an alert field written as the page label matches its canonical key on a
 * real crawl. The other checks at load run in process: load-checks.test.ts.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SOURCE = { id: 'alpha', startUrls: ['http://127.0.0.1:9/col/col1/index.html'] };

describe('database paths', () => {
  it.skipIf(process.geteuid?.() !== 0)('exit 2 with "permission denied" for a folder the user may not write (needs root to drop privileges)', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const { configPath } = writeConfig(dir, { database: join(dir, 'sub', 'x.db'), sources: [SOURCE] });
    const result = await runCli(['crawl', '--config', configPath], { user: { uid: 65534, gid: 65534 } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`database: cannot create the folder ${join(dir, 'sub')} for ${join(dir, 'sub', 'x.db')}: permission denied`);
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
    const result = await runCli(['crawl', '--config', configPath]);
    expect(result.code).toBe(0);
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    const fields = JSON.parse(db.prepare('SELECT fields FROM documents_latest').pluck().get() as string) as Record<string, string>;
    expect(fields.validity).toBe('失效');
    expect(db.prepare('SELECT alerts FROM events').pluck().all()).toEqual(['["repealed"]']);
  });
});
