import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Issue #10, found 1: `deliver` run beside a crawl made the crawl's write batches fail with
 * SQLITE_BUSY_SNAPSHOT (a deferred transaction that read, then could not upgrade), and those pages
 * were lost for good. Here a crawl of 500 documents (15 ms per page) runs while `deliver` runs in
 * another process again and again; every document must be stored, with no error, exit 0. (The race
 * itself is microseconds wide; tests/store/write-queue.test.ts provokes it deterministically.)
 */
const LIST_PAGES = 25;
const PER_PAGE = 20;
const DOCUMENTS = LIST_PAGES * PER_PAGE;
const DELIVERIES = 5;

const listPath = (page: number) => (page === 1 ? '/col/c/index.html' : `/col/c/list_${page}.html`);

describe('deliver beside a crawl (separate processes)', () => {
  it(`stores all ${DOCUMENTS} documents with errors 0 and exit 0 while deliver runs ${DELIVERIES}+ times`, async () => {
    const site = await startTestSite();
    onTestFinished(() => site.close());
    for (let page = 1; page <= LIST_PAGES; page++) {
      const items = numberedItems((page - 1) * PER_PAGE + 1, PER_PAGE);
      const next =
        page < LIST_PAGES
          ? `<a href="${listPath(page + 1)
              .split('/')
              .pop()}">下一页</a>`
          : '';
      site.routes.set(listPath(page), { body: listPage(items, next) });
      for (const item of items) site.routes.set(item.href, { body: documentPage(item.title), delay: 15 });
    }
    // The last list page waits until the deliveries are done: the crawl cannot end before them.
    site.hold((path) => path === listPath(LIST_PAGES));
    const dir = tempDir();
    const ndjson = join(dir, 'events.ndjson');
    const { configPath, databasePath } = writeConfig(dir, {
      sources: [{ id: 'big', startUrls: [site.baseUrl + listPath(1)], maxConcurrencyPerHost: 4 }],
      sinks: [{ type: 'ndjson', path: ndjson }],
    });

    const crawl = startCli(['crawl', '--config', configPath]);
    onTestFinished(() => void crawl.child.kill('SIGKILL'));
    let reader: Database.Database | undefined;
    await waitFor(() => {
      try {
        reader ??= new Database(databasePath, { readonly: true, fileMustExist: true });
        return (reader.prepare('SELECT count(*) FROM documents').pluck().get() as number) > 0;
      } catch {
        return false; // not created (or not migrated) yet
      }
    }, 'the crawl to store its first document');
    onTestFinished(() => void reader?.close());
    const stored = () => reader!.prepare('SELECT count(*) FROM documents').pluck().get() as number;

    const deliveries: { code: number | null; before: number; after: number }[] = [];
    while (deliveries.length < DELIVERIES) {
      const before = stored();
      const result = await runCli(['deliver', '--config', configPath]);
      deliveries.push({ code: result.code, before, after: stored() });
      expect(result.code, result.stderr).toBe(0);
    }
    site.releaseAll();
    const result = await crawl.done;

    // The overlap was real: the crawl stored documents while deliveries ran.
    expect(deliveries.filter((d) => d.after > d.before).length, JSON.stringify(deliveries)).toBeGreaterThanOrEqual(3);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('could not be stored');
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    const counts = JSON.parse(db.prepare('SELECT counts FROM runs ORDER BY id DESC LIMIT 1').pluck().get() as string) as Record<string, Record<string, number>>;
    expect(counts.big).toMatchObject({ created: DOCUMENTS, errors: 0, unstored: 0 });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare("SELECT count(*) FROM events WHERE type = 'document.created'").pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare('SELECT listing_complete_at IS NOT NULL FROM crawl_state').pluck().get()).toBe(1);
    // The search indexer thread (a second connection beside the crawl's writer) indexed every text.
    expect(result.stderr).not.toContain('search indexer');
    expect(db.prepare('SELECT count(*) FROM search_rows WHERE indexed_version IS NOT version').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM search_trigram WHERE search_trigram MATCH ?').pluck().get('"工作的通知"')).toBe(DOCUMENTS);
    // Every event reached the sink (at least once: receivers de-duplicate by id).
    const delivered = new Set(
      readFileSync(ndjson, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    );
    expect(delivered.size).toBe(DOCUMENTS);
  });
});
