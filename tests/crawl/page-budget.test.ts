import { afterEach, describe, expect, it } from 'vitest';
import { lastCompleteListing } from '../../src/crawl/listing-state.js';
import { runCrawl, type CrawlSummary } from '../../src/crawl/run-crawl.js';
import { createLogger } from '../../src/log.js';
import type { Db } from '../../src/store/database.js';
import { crawlConfig, crawlHarness, serveDocuments, storedUrls } from '../helpers/crawl.js';
import { listPage, numberedItems, type Item } from '../helpers/pages.js';
import { startTestSite, type TestSite, type Page } from '../helpers/site.js';

/** maxPages bounds what a source's run fetches: every page counts once, known documents too. */
let site: TestSite;
afterEach(async () => {
  await site.close();
});

/** A column of list pages linked by 下一页, with its documents. */
function serveColumn(pages: Item[][]): void {
  pages.forEach((items, k) => {
    const next = k + 1 < pages.length ? `<a href="list_${k + 2}.html">下一页</a>` : '';
    site.routes.set(`/col/c/${k === 0 ? 'index.html' : `list_${k + 1}.html`}`, { body: listPage(items, next) });
  });
  serveDocuments(site, pages.flat());
}

const start = () => `${site.baseUrl}/col/c/index.html`;
const fetchedSince = (mark: number) => site.requests.slice(mark).filter((r) => r.path !== '/robots.txt');

/** One pass over the column into `db`, with the source settings given (maxPages …). */
function crawlColumn(db: Db, settings: Record<string, unknown> = {}): Promise<CrawlSummary> {
  const config = crawlConfig(db.name, { sources: [{ id: 'c', startUrls: [start()], ...settings }] });
  return runCrawl(db, config, config.sources, createLogger('silent'));
}

describe('maxPages', () => {
  it('fetches exactly maxPages pages, the first ones discovered, with none in flight beyond, and leaves the listing incomplete', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 9);
    serveColumn([items.slice(0, 3), items.slice(3, 6), items.slice(6, 9)]);
    // Slow documents, three at a time: a budget counted only when requests finish would start more.
    for (const item of items) site.routes.set(item.href, { ...(site.routes.get(item.href) as Page), delay: 50 });
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`], maxPages: 3, maxConcurrencyPerHost: 3 }] });

    const { summary } = await h.crawl();

    // The first page and its first two items; its third item and the next page are left out.
    const paths = fetchedSince(0).map((r) => r.path);
    expect(paths.sort()).toEqual(['/col/c/index.html', items[0]!.href, items[1]!.href].sort());
    expect(summary.sources.c).toMatchObject({ pages: 3, created: 2, errors: 0 });
    expect(lastCompleteListing(h.db, h.config.sources[0]!)).toBeNull();

    // So the next run, with room, reads the whole column instead of stopping at known links.
    const mark = site.requests.length;
    await crawlColumn(h.db);
    expect(storedUrls(h.db)).toHaveLength(9);
    expect(
      fetchedSince(mark)
        .filter((r) => r.path.startsWith('/col/c/'))
        .map((r) => r.path),
    ).toEqual(['/col/c/index.html', '/col/c/list_2.html', '/col/c/list_3.html']);
  });

  it('counts known documents, re-visited with their validators, against maxPages', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 6);
    serveColumn([items]);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(6);
    const mark = site.requests.length;

    const summary = await crawlColumn(h.db, { maxPages: 4 });

    const again = fetchedSince(mark);
    expect(again).toHaveLength(4);
    expect(again.filter((r) => r.path === '/col/c/index.html')).toEqual([expect.objectContaining({ status: 200, ifNoneMatch: undefined })]);
    const documents = again.filter((r) => r.path.startsWith('/art/'));
    expect(documents).toHaveLength(3);
    expect(documents.every((r) => r.status === 304 && r.ifNoneMatch)).toBe(true);
    expect(summary.sources.c).toMatchObject({ pages: 4, notModified: 3, created: 0, errors: 0 });
  });

  it('calls a listing complete when maxPages was just enough for it', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 3);
    serveColumn([items]);
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`], maxPages: 4 }] });

    const { summary } = await h.crawl();

    expect(summary.sources.c).toMatchObject({ pages: 4, created: 3 });
    expect(lastCompleteListing(h.db, h.config.sources[0]!)).not.toBeNull();
  });
});
