import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { startCli, writeSourceConfig } from './helpers/cli-process.js';
import { html, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { docPath, documentPage, listPage } from './helpers/pages.js';

/**
 * Config regexes against site-chosen strings: `(\d+)+x$` on 40 digits backtracks for hours in
 * JavaScript's engine. Matched with RE2 the crawl finishes; what RE2 cannot do is refused at load.
 */
const DIGITS = '1'.repeat(40);
const CATASTROPHIC = '(\\\\d+)+x$';

let site: FaultServer;
afterEach(async () => {
  await site?.close();
});

describe('config regexes on hostile strings', () => {
  it('matches include, exclude, titlePattern and field patterns against 40-digit URLs, titles and fields, and finishes', async () => {
    site = await startFaultServer();
    const hostilePath = `/art/2024/3/8/art_1001_${DIGITS}.html`;
    site.route('/', html(listPage([docPath(1), hostilePath])));
    site.route(docPath(1), html(documentPage(`第${DIGITS}号通知`, '第一')));
    site.route(hostilePath, html(documentPage('另一份通知', '第二').replace('某某区教育局', DIGITS)));
    const dir = tempDir();
    const config = writeSourceConfig(dir, `${site.baseUrl}/`, [
      'alerts:',
      '  - name: digits-title',
      `    titlePattern: "${CATASTROPHIC}"`,
      '  - name: digits-publisher',
      `    fields: { publisher: "${CATASTROPHIC}" }`,
      '  - name: notice',
      '    titlePattern: "通知$"',
    ], [`    exclude: ["${CATASTROPHIC}"]`, `    include: ["${CATASTROPHIC}|/art/"]`]);

    // In a child process: a backtracking engine would block its event loop, so only a kill ends it.
    const cli = startCli(['crawl', '--config', config]);
    const guard = setTimeout(() => cli.child.kill('SIGKILL'), 45_000);
    const result = await cli.done.finally(() => clearTimeout(guard));

    expect(result.signal, 'the crawl had to be killed: a regex backtracked').toBeNull();
    expect(result.code, result.stderr).toBe(0);
    const db = openDatabase(join(dir, 'archive.db'));
    const events = db.prepare('SELECT url, alerts FROM events ORDER BY url').all() as { url: string; alerts: string }[];
    db.close();
    expect(events.map((event) => new URL(event.url).pathname).sort()).toEqual([docPath(1), hostilePath].sort());
    for (const event of events) expect(JSON.parse(event.alerts)).toEqual(['notice']);
  });
});

describe('config regexes RE2 cannot match in linear time', () => {
  const SOURCE = 'sources:\n  - id: ok\n    startUrls: ["http://127.0.0.1:9/col/col1/index.html"]\n';
  const CASES = [
    { name: 'a backreference in exclude', yaml: `${SOURCE}    exclude: ["(a+)\\\\1"]`, message: /sources\.0\.exclude\.0: .*backreference/ },
    { name: 'lookahead in include', yaml: `${SOURCE}    include: ["/art/(?!old)"]`, message: /sources\.0\.include\.0: .*lookahead/ },
    { name: 'lookbehind in titlePattern', yaml: 'alerts:\n  - name: a\n    titlePattern: "(?<!草案)通知"', message: /alerts\.0\.titlePattern: .*lookbehind/ },
    { name: 'a named backreference in a field pattern', yaml: 'alerts:\n  - name: a\n    fields: { docNo: "(?<y>\\\\d+)\\\\k<y>" }', message: /alerts\.0\.fields\.docNo: .*named backreference/ },
    { name: 'a syntax error', yaml: `${SOURCE}    exclude: ["(unclosed"]`, message: /sources\.0\.exclude\.0: expected a valid regular expression \(RE2 syntax\): missing closing \)/ },
  ];
  for (const testCase of CASES) {
    it(`refuses ${testCase.name} at load, naming the key and why`, () => {
      const caught = (() => {
        try {
          parseConfigText(testCase.yaml, 'bad.yaml', {});
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toMatch(testCase.message);
    });
  }

  it('accepts JavaScript escapes RE2 spells otherwise (\\u4e00, \\/)', () => {
    const config = parseConfigText(`${SOURCE}    include: ["[\\\\u4e00-\\\\u9fa5]", "\\\\/art\\\\/"]`, 'ok.yaml', {});
    expect(config.sources[0]!.include).toHaveLength(2);
  });

  it('exits 2 on the command line', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, `database: ${join(dir, 'a.db')}\n${SOURCE}    exclude: ["(\\\\d+)\\\\1"]\n`);
    const result = await runCli(['crawl', '--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sources\.0\.exclude\.0: .*backreference/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
