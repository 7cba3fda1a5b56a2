import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { startCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Config regexes against site-chosen strings: `(\d+)+x$` on 40 digits backtracks for hours in
 * JavaScript's engine. Matched with RE2 the crawl of the compiled CLI finishes. What RE2 cannot do is
 * refused at load: hostile-regex.test.ts.
 */
const DIGITS = '1'.repeat(40);
const CATASTROPHIC = '(\\d+)+x$';

let site: TestSite;
afterEach(async () => {
  await site?.close();
});

describe('config regexes on hostile strings', () => {
  it('matches include, exclude, titlePattern and field patterns against 40-digit URLs, titles and fields, and finishes', async () => {
    site = await startTestSite();
    const hostilePath = `/art/2024/3/8/art_1001_${DIGITS}.html`;
    site.route('/', html(listPage(linkItems([docPath(1), hostilePath]))));
    site.route(docPath(1), html(disclosurePage(`第${DIGITS}号通知`, '第一')));
    site.route(hostilePath, html(disclosurePage('另一份通知', '第二').replace('某某区教育局', DIGITS)));
    const dir = tempDir();
    const { configPath: config, databasePath } = writeConfig(dir, {
      fetch: { timeoutSecs: 5, maxRetries: 1 },
      alerts: [
        { name: 'digits-title', titlePattern: CATASTROPHIC },
        { name: 'digits-publisher', fields: { publisher: CATASTROPHIC } },
        { name: 'notice', titlePattern: '通知$' },
      ],
      sources: [{ id: 'fault-src', startUrls: [`${site.baseUrl}/`], exclude: [CATASTROPHIC], include: [`${CATASTROPHIC}|/art/`] }],
    });

    // In a child process: a backtracking engine would block its event loop, so only a kill ends it.
    const cli = startCli(['crawl', '--config', config]);
    const guard = setTimeout(() => cli.child.kill('SIGKILL'), 45_000);
    const result = await cli.done.finally(() => clearTimeout(guard));

    expect(result.signal, 'the crawl had to be killed: a regex backtracked').toBeNull();
    expect(result.code, result.stderr).toBe(0);
    const db = openDatabase(databasePath);
    const events = db.prepare('SELECT url, alerts FROM events ORDER BY url').all() as { url: string; alerts: string }[];
    db.close();
    expect(events.map((event) => new URL(event.url).pathname).sort()).toEqual([docPath(1), hostilePath].sort());
    for (const event of events) expect(JSON.parse(event.alerts)).toEqual(['notice']);
  });
});
