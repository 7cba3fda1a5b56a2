/**
 * Issue #11 acceptance: of three sources one is unreachable. The other two are archived, the crawl
 * exits 1 and says which source failed and why, a `source.failed` event reaches the ndjson sink
 * once (not again on the next failing run), and `source.recovered` follows when it comes back.
 * The commands run in process (src/cli/run.ts); the compiled CLI's crawls that fail are in
 * tests/cli/exit-codes.process.test.ts and tests/lock/lock.process.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { listPage, numberedItems } from '../helpers/pages.js';
import { serveDocuments } from '../helpers/crawl.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

function column(site: TestSite, path: string, from: number): void {
  const items = numberedItems(from, 2, (n) => `${path}art_${n}.html`);
  site.routes.set(`${path}index.html`, { body: listPage(items) });
  serveDocuments(site, items);
}

interface Line {
  type: string;
  source: string;
  reason?: string;
}

describe('a source that cannot be reached', () => {
  it('fails alone: the others are archived, exit 1 with a line saying why, source.failed once, source.recovered after', async () => {
    const site = await startTestSite();
    onTestFinished(() => site.close());
    column(site, '/a/', 1);
    column(site, '/b/', 3);
    // The third source's site: closed for now, back on the same port later.
    let third = await startTestSite();
    const port = Number(new URL(third.baseUrl).port);
    await third.close();

    const dir = tempDir();
    const ndjson = join(dir, 'events.ndjson');
    const unreachable = `http://127.0.0.1:${port}/c/index.html`;
    const { configPath, databasePath } = writeConfig(dir, {
      sources: [
        { id: 'alpha', startUrls: [`${site.baseUrl}/a/index.html`] },
        { id: 'beta', startUrls: [`${site.baseUrl}/b/index.html`] },
        { id: 'gamma', startUrls: [unreachable] },
      ],
      fetch: { maxRetries: 0, timeoutSecs: 2 },
      sinks: [{ type: 'ndjson', path: ndjson }],
    });
    const health = (): Line[] =>
      readFileSync(ndjson, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Line)
        .filter((event) => event.type.startsWith('source.'));

    const first = await runCliInProcess(['crawl', '--config', configPath]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(
      new RegExp(
        `^gamma: failed — robots\\.txt unreachable, column not read: connection refused \\(ECONNREFUSED\\) for http://127\\.0\\.0\\.1:${port}/robots\\.txt: nothing answers on that port`,
        'm',
      ),
    );
    expect(first.stdout).not.toMatch(/^(alpha|beta): /m);
    expect(first.stderr).toContain('bureau-watch: crawl finished with failures: 1 source(s) failed (gamma)');
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT source_id, count(*) FROM documents GROUP BY 1 ORDER BY 1').raw().all()).toEqual([
      ['alpha', 2],
      ['beta', 2],
    ]);
    expect(db.prepare('SELECT source_id, outcome FROM source_outcomes ORDER BY 1').raw().all()).toEqual([
      ['alpha', 'ok'],
      ['beta', 'ok'],
      ['gamma', 'failed'],
    ]);
    expect(health()).toEqual([
      {
        id: expect.any(String) as unknown,
        type: 'source.failed',
        at: expect.any(String) as unknown,
        source: 'gamma',
        reason: expect.stringContaining('connection refused') as unknown,
        alerts: [],
      },
    ]);

    const second = await runCliInProcess(['crawl', '--config', configPath]);
    expect(second.code).toBe(1);
    expect(health().map((event) => event.type)).toEqual(['source.failed']);

    third = await startTestSite({ port });
    onTestFinished(() => third.close());
    column(third, '/c/', 5);
    const third_run = await runCliInProcess(['crawl', '--config', configPath]);
    expect(third_run.code, third_run.stderr).toBe(0);
    expect(health().map((event) => [event.type, event.source])).toEqual([
      ['source.failed', 'gamma'],
      ['source.recovered', 'gamma'],
    ]);
    expect(db.prepare("SELECT count(*) FROM documents WHERE source_id = 'gamma'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['failed', 'failed', 'ok']);
  });

  it('exits 1 naming a start URL that answers 404, and prints it in the stats table', async () => {
    const site = await startTestSite();
    onTestFinished(() => site.close());
    const { configPath } = writeConfig(tempDir(), { sources: [{ id: 'typo', startUrls: [`${site.baseUrl}/xxgk/`] }] });
    const crawl = await runCliInProcess(['crawl', '--config', configPath]);
    expect(crawl.code).toBe(1);
    expect(crawl.stdout).toContain(`typo: failed — ${site.baseUrl}/xxgk/ answered 404 (check startUrls)`);
    expect(crawl.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    const stats = await runCliInProcess(['stats', '--json', '--config', configPath]);
    expect(stats.code, stats.stderr).toBe(0);
    const [source] = JSON.parse(stats.stdout) as { lastRun: { outcome: string; outcomeReason: string } }[];
    expect(source!.lastRun).toMatchObject({ outcome: 'failed', outcomeReason: `${site.baseUrl}/xxgk/ answered 404 (check startUrls)` });
    const table = await runCliInProcess(['stats', '--config', configPath]);
    expect(table.stdout).toMatch(/^source\s+documents.*\boutcome\b/m);
    expect(table.stdout).toMatch(/^typo\s.*\bfailed\b/m);
  });
});
