import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseLogLines, startCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { replicaSource, writeConfig } from '../helpers/config.js';
import { startTestSite } from '../helpers/site.js';

async function heldCrawl() {
  const site = await startTestSite({ root: 'demo' });
  site.hold((path) => path.startsWith('/art/'));
  onTestFinished(() => site.close());
  const { configPath, databasePath } = writeConfig(tempDir(), { sources: [replicaSource(site.baseUrl)], progress: { intervalSecs: 0.1 } });
  const crawl = startCli(['crawl', '--config', configPath]);
  onTestFinished(() => void crawl.child.kill('SIGKILL'));
  await site.waitForHeld();
  const db = () => {
    const handle = new Database(databasePath, { readonly: true });
    onTestFinished(() => void handle.close());
    return handle;
  };
  return { site, crawl, db };
}

describe('crawl progress', () => {
  it('logs pages done/queued and pages/s per source while running, then prints and stores the summary', async () => {
    const { site, crawl, db } = await heldCrawl();
    // A progress line logged while the document page is held in hand.
    const progressLines = (text: string) => text.split('"msg":"crawl progress"').length - 1;
    const earlier = progressLines(crawl.stderr());
    await crawl.waitForStderr((text) => progressLines(text) > earlier);
    const progress = parseLogLines(crawl.stderr())
      .filter((line) => line.msg === 'crawl progress')
      .at(-1)!;
    site.releaseAll();
    expect((await crawl.done).code).toBe(0);

    const logs = parseLogLines(crawl.stderr());
    expect(progress).toMatchObject({ source: 'replica' });
    expect(progress.pagesDone).toBeGreaterThanOrEqual(1); // the column's list page
    expect(progress.queued).toBeGreaterThanOrEqual(1); // at least the document page held in hand
    expect(typeof progress.pagesPerSecond).toBe('number');
    const finished = logs.find((line) => line.msg === 'source pass finished')!;
    expect(finished).toMatchObject({ source: 'replica', queued: 0 });

    const counts = JSON.parse(db().prepare('SELECT counts FROM runs').pluck().get() as string) as Record<string, Record<string, number>>;
    const documents = db().prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(counts.replica).toMatchObject({ created: documents, updated: 0, removed: 0, errors: 0 });
    expect(finished.pagesDone).toBe(counts.replica!.pages);
    const row = crawl
      .stdout()
      .split('\n')
      .find((line) => line.startsWith('replica'))!;
    expect(crawl.stdout()).toMatch(/^source\s+pages\s+new\s+updated\s+unchanged\s+not-modified\s+removed\s+errors/);
    expect(row.split(/\s+/)).toEqual(['replica', String(counts.replica!.pages), String(documents), '0', '0', '0', '0', '0']);
  });

  it('on SIGINT stores the page in hand, marks the run interrupted and exits 1 saying so', async () => {
    const { site, crawl, db } = await heldCrawl();
    crawl.child.kill('SIGINT');
    await crawl.waitForStderr(/stopping: finishing the pages in hand/);
    site.releaseAll();
    expect((await crawl.done).code).toBe(1);
    expect(crawl.stderr()).toContain('bureau-watch: crawl interrupted by SIGINT: the pages fetched until then are stored');
    expect(db().prepare('SELECT status FROM runs').pluck().all()).toEqual(['interrupted']);
    expect(db().prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
  });
});
