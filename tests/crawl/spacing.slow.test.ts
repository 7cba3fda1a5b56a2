import { describe, expect, it } from 'vitest';
import { HostGate } from '../../src/fetch/host-gate.js';
import { crawlHarness } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTimedSite, type TimedPage } from '../helpers/timed-site.js';

/**
 * Issue #11, found 11: `maxRequestsPerMinute: 12` sent 9 requests in 1.5 s. Politeness is spacing:
 * request starts on a host 60/maxRequestsPerMinute seconds apart, a burst of one, whatever the
 * concurrency, shared by the sources on that host; robots.txt Crawl-delay the same. The site notes
 * arrival times in its own thread (timed-site.ts).
 */
function columns(spec: Record<string, number>, robots = 'User-agent: *\nAllow: /\n'): Record<string, TimedPage> {
  const pages: Record<string, TimedPage> = { '/robots.txt': { body: robots, contentType: 'text/plain' } };
  let from = 1;
  for (const [path, count] of Object.entries(spec)) {
    const items = numberedItems(from, count, (n) => `${path}art_${n}.html`);
    from += count;
    pages[`${path}index.html`] = { body: listPage(items) };
    for (const item of items) pages[item.href] = { body: documentPage(item.title) };
  }
  return pages;
}

async function gaps(site: { arrivals(): Promise<{ at: number }[]> }): Promise<number[]> {
  const arrivals = await site.arrivals();
  return arrivals.slice(1).map((arrival, i) => arrival.at - arrivals[i]!.at);
}

/**
 * The gate spaces requests by when they leave the client; the site's thread notes them when it is
 * scheduled, which on a loaded 2-core machine was up to ~40 ms late for one request and not the
 * next: that gap looks short by as much as the one before looks long. So each gap must be at least
 * half the interval, which a burst (gaps of a millisecond or two, what this guards against) is not,
 * and the gaps together must span the interval times their number, less 50 ms (a late note moves
 * time from one gap to the next and does not remove it, except for the first arrival's).
 */
function expectSpaced(measured: number[], intervalMs: number): void {
  const detail = measured.map((gap) => gap.toFixed(1)).join(' ');
  expect(Math.min(...measured), detail).toBeGreaterThanOrEqual(intervalMs / 2);
  const span = measured.reduce((sum, gap) => sum + gap, 0);
  expect(span, detail).toBeGreaterThanOrEqual(measured.length * intervalMs - 50);
}

describe('politeness as spacing', () => {
  it('spaces request starts on a host by 60/maxRequestsPerMinute seconds, even with several in flight', async () => {
    const site = await startTimedSite(columns({ '/a/': 5 }));
    const h = crawlHarness({ sources: [{ id: 'a', startUrls: [`${site.baseUrl}/a/index.html`], maxRequestsPerMinute: 600, maxConcurrencyPerHost: 3 }] });
    const { summary } = await h.crawl();
    expect(summary.sources.a).toMatchObject({ created: 5, errors: 0 });
    const measured = await gaps(site);
    expect(measured).toHaveLength(6);
    expectSpaced(measured, 100);
  });

  it('gives sources sharing a host the strictest spacing of them', async () => {
    const site = await startTimedSite(columns({ '/fast/': 3, '/slow/': 3 }));
    const h = crawlHarness({
      sources: [
        { id: 'fast', startUrls: [`${site.baseUrl}/fast/index.html`], maxRequestsPerMinute: 60_000, maxConcurrencyPerHost: 2 },
        { id: 'slow', startUrls: [`${site.baseUrl}/slow/index.html`], maxRequestsPerMinute: 750 },
      ],
    });
    await h.crawl();
    const measured = await gaps(site);
    expect(measured).toHaveLength(8);
    expectSpaced(measured, 80);
  });

  it("keeps the spacing across many sources on one host, all lanes of the run's one fetcher", async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `/s${i}/`);
    const site = await startTimedSite(columns(Object.fromEntries(paths.map((path) => [path, 2]))));
    const h = crawlHarness({
      sources: paths.map((path, i) => ({ id: `s${i}`, startUrls: [`${site.baseUrl}${path}index.html`], maxRequestsPerMinute: 600, maxConcurrencyPerHost: 4 })),
    });
    const { summary } = await h.crawl();
    for (let i = 0; i < paths.length; i++) expect(summary.sources[`s${i}`]).toMatchObject({ created: 2, errors: 0 });
    const measured = await gaps(site);
    // robots.txt, then 6 list pages and 12 documents: 18 gaps, none shorter than 100 ms.
    expect(measured).toHaveLength(18);
    expectSpaced(measured, 100);
  });

  it('honours robots.txt Crawl-delay the same way', async () => {
    const site = await startTimedSite(columns({ '/a/': 3 }, 'User-agent: *\nCrawl-delay: 0.25\nAllow: /\n'));
    const h = crawlHarness({ sources: [{ id: 'a', startUrls: [`${site.baseUrl}/a/index.html`], maxConcurrencyPerHost: 2 }] });
    await h.crawl();
    const measured = await gaps(site);
    expect(measured).toHaveLength(4);
    expectSpaced(measured, 250);
  });
});

describe('HostGate spacing', () => {
  it('lets concurrent holders start in turn, the largest interval asked for apart, counted from real starts', async () => {
    const gate = new HostGate(3);
    gate.space('h', 40);
    const started: number[] = [];
    await Promise.all(
      [10, 0, 0].map(async (asked) => {
        const release = await gate.acquire('h');
        await gate.turn('h', asked);
        started.push(performance.now());
        release();
      }),
    );
    const between = started.slice(1).map((time, i) => time - started[i]!);
    expect(Math.min(...between)).toBeGreaterThanOrEqual(39);
  });
});
