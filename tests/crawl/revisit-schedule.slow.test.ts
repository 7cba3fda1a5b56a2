/**
 * The revisit schedule (issue #15): list pages every run, known documents when due and within the
 * source's budget. Time is the crawl's injected `now` (days after a fixed start), never waited for;
 * what the site was asked is counted from its request log.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { collectStats } from '../../src/stats/stats.js';
import { openDatabase } from '../../src/store/database.js';
import { crawlConfig, crawlHarness, documentStatus, eventTypes, serveDocuments, type CrawlHarness } from '../helpers/crawl.js';
import { captureLog } from '../helpers/log.js';
import { insertOlderDocument, openOlderArchive } from '../helpers/older-archive.js';
import { documentPage, listPage, numberedItems, type Item } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2031-03-03T07:00:00Z');
const day = (n: number) => new Date(START + n * DAY_MS);
const LIST = '/col/c/index.html';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

/** A column listing `items` (all of them unless `listed` says otherwise), each served as a document page. */
async function column(items: Item[], source: Record<string, unknown> = {}): Promise<CrawlHarness> {
  site = await startTestSite();
  site.routes.set(LIST, { body: listPage(items) });
  serveDocuments(site, items);
  return crawlHarness({ sources: [{ id: 'c', startUrls: [site.baseUrl + LIST], ...source }] });
}

/** One pass at day `n`: what it did, and the paths the site was asked for (robots.txt aside). */
async function crawlOn(h: CrawlHarness, n: number) {
  const mark = site.requests.length;
  const { summary } = await h.crawl({ now: day(n) });
  const asked = site.requests
    .slice(mark)
    .map((r) => r.path)
    .filter((path) => path !== '/robots.txt');
  // Documents asked for, once each (a 5xx is retried within the run).
  return { counts: summary.sources.c!, asked, documents: [...new Set(asked.filter((path) => path.startsWith('/art/')))].sort() };
}

function intervals(h: CrawlHarness): number[] {
  return h.db.prepare('SELECT check_interval_days FROM documents ORDER BY url').pluck().all() as number[];
}

const paths = (items: Item[]) => items.map((item) => item.href).sort();

describe('revisit schedule', () => {
  it("doubles a document's interval while it stays unchanged, up to revisit.maxDays, and asks for it only when due", async () => {
    const items = numberedItems(1, 3);
    const h = await column(items, { revisit: { maxDays: 5 } });
    expect((await crawlOn(h, 0)).counts.created).toBe(3);
    expect(intervals(h)).toEqual([1, 1, 1]);
    // Listed on every run's list page, yet not asked for before it is due.
    const plan: [number, number, number][] = [
      [0.5, 0, 1],
      [1, 3, 2],
      [2, 0, 2],
      [3, 3, 4],
      [6, 0, 4],
      [7, 3, 5],
      [11, 0, 5],
      [12, 3, 5],
    ];
    for (const [at, asked, interval] of plan) {
      const run = await crawlOn(h, at);
      expect(run.documents, `day ${at}`).toHaveLength(asked);
      expect(
        run.asked.filter((path) => path === LIST),
        `day ${at}`,
      ).toHaveLength(1);
      expect(intervals(h), `day ${at}`).toEqual([interval, interval, interval]);
    }
  });

  it('sets the interval back to a day when the document changed', async () => {
    const items = numberedItems(1, 2);
    const h = await column(items);
    for (const at of [0, 1, 3]) await crawlOn(h, at);
    expect(intervals(h)).toEqual([4, 4]);
    site.routes.set(items[0]!.href, { body: documentPage(items[0]!.title, '修订后的正文。'.repeat(30)) });
    expect((await crawlOn(h, 7)).counts).toMatchObject({ updated: 1 });
    const byUrl = new Map(
      h.db
        .prepare('SELECT url, check_interval_days AS days FROM documents')
        .all()
        .map((row) => {
          const { url, days } = row as { url: string; days: number };
          return [new URL(url).pathname, days];
        }),
    );
    expect(byUrl).toEqual(
      new Map([
        [items[0]!.href, 1],
        [items[1]!.href, 8],
      ]),
    );
    expect((await crawlOn(h, 8)).documents).toEqual([items[0]!.href]);
  });

  it('honours revisit.budget: an unchanged run costs its list page plus the budget, and every document gets its turn', async () => {
    const items = numberedItems(1, 12);
    const h = await column(items, { revisit: { budget: 5 } });
    await crawlOn(h, 0);
    const runs = [];
    for (const at of [1, 1.1, 1.2, 1.3]) runs.push(await crawlOn(h, at));
    expect(runs.map((run) => run.asked.length)).toEqual([1 + 5, 1 + 5, 1 + 2, 1]);
    expect(runs.flatMap((run) => run.documents).sort()).toEqual(paths(items));
    expect(runs.map((run) => run.counts.notModified)).toEqual([5, 5, 2, 0]);
  });

  it('takes listed documents first, then recent ones (published within maxDays), then the longest overdue', async () => {
    const dated = (href: string, published: string): Item => ({ href, title: `关于${href.slice(-6, -5)}的通知`, date: published });
    const [listed, overdueMost, overdueLess, notDue, recent] = [
      dated('/art/2020/1/1/art_1_a.html', '2020-01-01'),
      dated('/art/2020/1/2/art_1_b.html', '2020-01-02'),
      dated('/art/2020/1/3/art_1_c.html', '2020-01-03'),
      dated('/art/2020/1/4/art_1_d.html', '2020-01-04'),
      dated('/art/2031/2/28/art_1_e.html', '2031-02-28'),
    ] as [Item, Item, Item, Item, Item];
    // First seen in this order, so neither first-seen order nor URL order gives the expected one.
    const all = [listed, overdueLess, overdueMost, notDue, recent];
    const h = await column(all, { revisit: { budget: 3 } });
    for (const item of all)
      site.routes.set(item.href, { body: documentPage(item.title).replace('</head>', `<meta name="PubDate" content="${item.date}"></head>`) });
    await crawlOn(h, 0);
    // What many earlier runs would have left: checks falling due at different days.
    const nextCheck = h.db.prepare('UPDATE documents SET next_check_at = ? WHERE url = ?');
    for (const [item, at] of [
      [overdueMost, 1],
      [overdueLess, 3],
      [notDue, 30],
      [listed, 4],
      [recent, 4],
    ] as const)
      nextCheck.run(day(at).toISOString(), site.baseUrl + item.href);
    const fresh = dated('/art/2031/3/5/art_1_f.html', '2031-03-05');
    serveDocuments(site, [fresh]);
    site.routes.set(LIST, { body: listPage([fresh, listed]) });

    const run = await crawlOn(h, 5);

    // The new document is fetched outside the budget; the budget of 3 goes to listed, recent, most overdue.
    expect(run.documents).toEqual([fresh.href, listed.href, overdueMost.href, recent.href].sort());
    expect(run.counts).toMatchObject({ created: 1, notModified: 3 });
  });

  it('waits for every list page of the column before the unlisted documents take the budget', async () => {
    const items = numberedItems(1, 3);
    const [first, second, unlisted] = items as [Item, Item, Item];
    const h = await column(items, { revisit: { budget: 2 }, stopAfterKnownListPage: false });
    await crawlOn(h, 0);
    // The unlisted one is the longest overdue: taken first had it been considered before page 2 was read.
    h.db.prepare('UPDATE documents SET next_check_at = ? WHERE url = ?').run(day(0.5).toISOString(), site.baseUrl + unlisted.href);
    site.routes.set(LIST, { body: listPage([first], '<a href="list_2.html">下一页</a>') });
    site.routes.set('/col/c/list_2.html', { body: listPage([second]) });
    const run = await crawlOn(h, 1);
    expect(run.asked.filter((path) => path.startsWith('/col/'))).toEqual([LIST, '/col/c/list_2.html']);
    expect(run.documents).toEqual([first.href, second.href].sort());
    expect((await crawlOn(h, 1.1)).documents).toEqual([unlisted.href]);
  });

  it('fetches a newly listed document even when the budget allows no revisit', async () => {
    const items = numberedItems(1, 3);
    const h = await column(items, { revisit: { budget: 0 } });
    await crawlOn(h, 0);
    const [fresh] = numberedItems(4, 1) as [Item];
    serveDocuments(site, [fresh]);
    site.routes.set(LIST, { body: listPage([fresh, ...items]) });
    const run = await crawlOn(h, 10);
    expect(run.documents).toEqual([fresh.href]);
    expect(run.counts.created).toBe(1);
  });

  it('still removes a document after 404 on two consecutive runs: a first 404 is asked again next run, outside the budget', async () => {
    const items = numberedItems(1, 3);
    const h = await column(items, { revisit: { budget: 1 } });
    await crawlOn(h, 0);
    const [gone, unreachable] = [items[0]!, items[1]!];
    site.routes.set(gone.href, { status: 404, body: 'not here' });
    site.routes.set(unreachable.href, { status: 500, body: 'oops' });
    // The budget of 1 goes to the first listed document, which answers 404.
    expect((await crawlOn(h, 1)).documents).toEqual([gone.href]);
    expect(documentStatus(h.db, site.baseUrl + gone.href)).toEqual({ status: 'active', missingCount: 1 });
    // A few hours later: the 404 is asked again anyway; the budget goes to the next due document.
    const second = await crawlOn(h, 1.2);
    expect(second.documents).toEqual([gone.href, unreachable.href].sort());
    expect(second.counts.removed).toBe(1);
    expect(eventTypes(h.db, site.baseUrl + gone.href)).toEqual(['document.created', 'document.removed']);
    // A failed fetch is tried again next run (the budget allowing), the removed document much later.
    expect((await crawlOn(h, 1.3)).documents).toEqual([unreachable.href]);
  });

  it('revisits every known document under revisitAll (crawl --revisit-all), due or not, beyond the budget', async () => {
    const items = numberedItems(1, 4);
    const h = await column(items, { revisit: { budget: 1 } });
    await crawlOn(h, 0);
    const mark = site.requests.length;
    await h.crawl({ now: day(0.1), revisitAll: true });
    expect(
      site.requests
        .slice(mark)
        .map((r) => r.path)
        .filter((path) => path.startsWith('/art/'))
        .sort(),
    ).toEqual(paths(items));
    expect((await crawlOn(h, 0.2)).documents).toEqual([]);
  });

  it('stats: when the documents were last checked, and how many are due', async () => {
    const items = numberedItems(1, 4);
    const h = await column(items, { revisit: { budget: 2 } });
    await crawlOn(h, 0);
    await crawlOn(h, 1);
    const [stats] = collectStats(h.db, h.config.sources, day(1.5));
    // Two checked on day 1 (due again on day 3), two not since day 0 (due since day 1).
    expect(stats!.checks.due).toBe(2);
    const checked = h.db.prepare('SELECT last_checked_at FROM documents ORDER BY last_checked_at').pluck().all() as string[];
    expect(stats!.checks).toEqual({ oldestCheck: checked[0], medianCheck: checked[1], due: 2 });
    expect(collectStats(h.db, h.config.sources, day(3))[0]!.checks.due).toBe(4);
  });

  it('after the upgrade to migration 010, every document is due and the budget spreads their first checks over runs', async () => {
    site = await startTestSite();
    const items = numberedItems(1, 6);
    serveDocuments(site, items);
    site.routes.set(LIST, { body: listPage([]) });
    const path = join(tempDir('bw-revisit-upgrade-'), 'archive.db');
    const older = openOlderArchive(path, 10);
    for (const item of items)
      insertOlderDocument(older, {
        url: site.baseUrl + item.href,
        source: 'c',
        title: item.title,
        text: item.title,
        rawBody: Buffer.from(documentPage(item.title)),
      });
    older.close();
    const db = openDatabase(path);
    onTestFinished(() => void (db.open && db.close()));
    expect(db.prepare('SELECT count(*) FROM documents WHERE next_check_at IS NULL AND check_interval_days = 1').pluck().get()).toBe(6);
    const config = crawlConfig(path, { sources: [{ id: 'c', startUrls: [site.baseUrl + LIST], revisit: { budget: 4 } }] });
    const fetched = [];
    for (const at of [0, 0.1, 0.2]) {
      const mark = site.requests.length;
      await runCrawl(db, config, config.sources, captureLog().logger, { now: day(at) });
      fetched.push(
        site.requests
          .slice(mark)
          .filter((r) => r.path.startsWith('/art/'))
          .map((r) => r.path),
      );
    }
    expect(fetched.map((paths) => paths.length)).toEqual([4, 2, 0]);
    expect(fetched.flat().sort()).toEqual(paths(items));
  });
});
