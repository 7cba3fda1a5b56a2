import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { archiveIsConsistent, crawlHarness } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/** `kill -9` in the middle of a crawl, then the next run. */
const DOCUMENTS = 30;
const PER_PAGE = 10;

/** Three column pages of ten documents; while `slow.on`, each document takes a while, so a crawl lasts seconds. */
async function slowColumn(slow: { on: boolean }) {
  const site = await startTestSite();
  onTestFinished(() => site.close());
  const items = numberedItems(1, DOCUMENTS);
  const pages = DOCUMENTS / PER_PAGE;
  for (let page = 0; page < pages; page++) {
    const next = page < pages - 1 ? `<a href="list_${page + 2}.html">下一页</a>` : '';
    site.routes.set(`/col/c/${page === 0 ? 'index.html' : `list_${page + 1}.html`}`, {
      body: listPage(items.slice(page * PER_PAGE, (page + 1) * PER_PAGE), next),
    });
  }
  for (const item of items) site.routes.set(item.href, () => ({ body: documentPage(item.title), delay: slow.on ? 40 : 0 }));
  return { site, startUrl: `${site.baseUrl}/col/c/index.html`, urls: items.map((item) => site.baseUrl + item.href).sort() };
}

function query<T>(database: string, sql: string): T[] {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function documentCount(database: string): number {
  try {
    return query<{ n: number }>(database, 'SELECT count(*) AS n FROM documents')[0]?.n ?? 0;
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe('resume after kill -9 mid-crawl', () => {
  it('leaves a sound archive; the next run completes it with each document, version and event once, as an uninterrupted crawl would', async () => {
    const slow = { on: false };
    const { startUrl, urls } = await slowColumn(slow);
    const reference = crawlHarness({ sources: [{ id: 'slow', startUrls: [startUrl] }] });
    await reference.crawl();
    const uninterrupted = reference.db.prepare('SELECT url, content_hash FROM documents ORDER BY url').all();

    slow.on = true;
    const { configPath, databasePath } = writeConfig(tempDir(), { sources: [{ id: 'slow', startUrls: [startUrl] }] });
    const killed = startCli(['crawl', '--config', configPath]);
    onTestFinished(() => void killed.child.kill('SIGKILL'));
    await waitFor(() => documentCount(databasePath) >= 8, 'the crawl to commit 8 documents', 30_000);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');

    const atKill = openDatabase(databasePath);
    expect(atKill.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(archiveIsConsistent(atKill)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
    expect(atKill.prepare('SELECT count(*) FROM documents').pluck().get()).toBeLessThan(DOCUMENTS);
    atKill.close();

    slow.on = false;
    const rerun = await runCli(['crawl', '--config', configPath]);
    expect(rerun.code, rerun.stderr).toBe(0);

    const db = openDatabase(databasePath);
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT url FROM documents ORDER BY url').pluck().all()).toEqual(urls);
    expect(db.prepare('SELECT url, content_hash FROM documents ORDER BY url').all()).toEqual(uninterrupted);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare("SELECT count(*) FROM events WHERE type = 'document.created'").pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare('SELECT count(DISTINCT document_id) FROM events').pluck().get()).toBe(DOCUMENTS);
    expect(archiveIsConsistent(db)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
    expect(db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['interrupted', 'ok']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
