import { afterEach, describe, expect, it } from 'vitest';
import { FatalError } from '../../src/errors.js';
import { archiveIsConsistent, faultHarness } from '../helpers/crawl.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';

/** A disk-full database (SQLITE_FULL, provoked with PRAGMA max_page_count) stops the run clearly, half-writing nothing. */
let server: TestSite;
afterEach(async () => {
  await server?.close();
});

const CONSISTENT = { orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 };

function publish(site: TestSite, count: number): void {
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  site.route('/', html(listPage(linkItems(numbers.map(docPath)))));
  // Distinct, sizeable bodies: every document needs new pages in the database.
  for (const n of numbers) site.route(docPath(n), html(disclosurePage(`第${n}号文件`, `文件${n}号${'各单位要高度重视'.repeat(n * 7)}`)));
}

describe('database write failure', () => {
  it('surfaces SQLITE_FULL as a fatal error naming the cause, with nothing half-written, and the next run recovers', async () => {
    server = await startTestSite();
    publish(server, 4);
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    await archive.crawl();
    const before = archive.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(before).toBe(4);

    publish(server, 40);
    const pages = archive.db.pragma('page_count', { simple: true }) as number;
    archive.db.pragma(`max_page_count = ${pages + 2}`);
    const failure = await archive.crawl().then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(FatalError);
    expect((failure as Error).message).toMatch(/database write failed/);
    expect((failure as Error).message).toMatch(/full/i);
    expect(archiveIsConsistent(archive.db)).toEqual(CONSISTENT);
    const afterFailure = archive.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(afterFailure).toBeLessThan(40);
    const events = archive.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    expect(events).toBe(afterFailure);

    archive.db.pragma('max_page_count = 1073741823');
    const { summary } = await archive.crawl();
    expect(summary.status).toBe('ok');
    expect(archive.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(40);
    expect(archive.db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(40);
    expect(archive.db.prepare("SELECT count(*) FROM events WHERE type = 'document.created'").pluck().get()).toBe(40);
    expect(archiveIsConsistent(archive.db)).toEqual(CONSISTENT);
    expect(archive.db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['ok', 'failed', 'ok']);
  });
});
