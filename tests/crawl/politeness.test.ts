import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/fetch/http-errors.js';
import { HostGate } from '../../src/fetch/host-gate.js';
import { crawlHarness, storedUrls } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let sites: TestSite[] = [];
afterEach(async () => {
  await Promise.all(sites.map((site) => site.close()));
  sites = [];
});
async function site(): Promise<TestSite> {
  const started = await startTestSite();
  sites.push(started);
  return started;
}

function column(s: TestSite, path: string, count: number, delay?: number | Promise<unknown>) {
  const items = numberedItems(1, count, (n) => `${path}art_${n}.html`);
  s.routes.set(`${path}index.html`, { body: listPage(items) });
  for (const item of items) s.routes.set(item.href, { body: documentPage(item.title), delay });
  return items;
}

describe('politeness', () => {
  it('puts one request at a time on a host by default, even for two sources on that host', async () => {
    const s = await site();
    column(s, '/a/', 6, 15);
    column(s, '/b/', 6, 15);
    const h = crawlHarness({
      sources: [
        { id: 'a', startUrls: [`${s.baseUrl}/a/index.html`] },
        { id: 'b', startUrls: [`${s.baseUrl}/b/index.html`] },
      ],
    });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(12);
    expect(s.maxInFlight()).toBe(1);
  });

  it('allows more in flight when maxConcurrencyPerHost says so', async () => {
    const s = await site();
    column(s, '/a/', 8, 40);
    const h = crawlHarness({ sources: [{ id: 'a', startUrls: [`${s.baseUrl}/a/index.html`], maxConcurrencyPerHost: 3 }] });
    await h.crawl();
    expect(s.maxInFlight()).toBe(3);
  });

  it('lets a fast host finish while a slow host is still answering', async () => {
    const slow = await site();
    const fast = await site();
    const fastItems = column(fast, '/f/', 5);
    let fastFinished!: () => void;
    const fastDone = new Promise<void>((resolve) => (fastFinished = resolve));
    let servedFast = 0;
    for (const item of fastItems) {
      fast.routes.set(item.href, () => {
        if (++servedFast === fastItems.length) setTimeout(fastFinished, 50);
        return { body: documentPage(item.title) };
      });
    }
    // Every slow page waits until the fast source has been served in full (or 10 s as a backstop).
    let releasedByFast = false;
    const gate = Promise.race([fastDone.then(() => (releasedByFast = true)), new Promise((r) => setTimeout(r, 10_000))]);
    column(slow, '/s/', 3, gate);
    const h = crawlHarness({
      sources: [
        { id: 'slow', startUrls: [`${slow.baseUrl}/s/index.html`] },
        { id: 'fast', startUrls: [`${fast.baseUrl}/f/index.html`] },
      ],
    });
    const { summary } = await h.crawl();
    expect(releasedByFast).toBe(true);
    expect(summary.sources).toMatchObject({ slow: { created: 3 }, fast: { created: 5 } });
  });

  it('retries 5xx with backoff until it succeeds, and never retries a 404', async () => {
    const s = await site();
    const items = column(s, '/c/', 2);
    let attempts = 0;
    s.routes.set(items[0]!.href, () => (++attempts < 3 ? { status: 502, body: 'bad gateway' } : { body: documentPage('第三次才成功') }));
    s.routes.set('/c/index.html', { body: listPage([...items, { href: '/c/art_404.html', title: '死链', date: '2024-01-01' }]) });
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${s.baseUrl}/c/index.html`] }] });
    const { summary } = await h.crawl();
    expect(attempts).toBe(3);
    expect(summary.sources.c).toMatchObject({ created: 2, errors: 0 });
    expect(s.hits('/c/art_404.html')).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped at a minute', () => {
    expect(backoffDelayMs(0, 1000, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(2, 1000, () => 0.5)).toBe(4000);
    expect(backoffDelayMs(3, 1000, () => 0)).toBe(6400);
    expect(backoffDelayMs(20, 1000, () => 1)).toBe(72_000);
  });

  it('follows redirects within the source and drops pages whose redirect leaves its hosts', async () => {
    const s = await site();
    const elsewhere = await site();
    const items = column(s, '/c/', 3);
    s.routes.set(items[0]!.href, { status: 302, headers: { location: '/c/moved.html' } });
    s.routes.set('/c/moved.html', { body: documentPage('已迁移的文件') });
    s.routes.set(items[1]!.href, { status: 301, headers: { location: `${elsewhere.baseUrl}/landing.html` } });
    elsewhere.routes.set('/landing.html', { body: documentPage('外站页面') });
    const h = crawlHarness({ sources: [{ id: 'c', startUrls: [`${s.baseUrl}/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toEqual([`${s.baseUrl}/c/moved.html`, s.baseUrl + items[2]!.href].sort());
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('HostGate', () => {
  it('hands a freed slot to the next waiter in order and keeps the smallest limit', async () => {
    const gate = new HostGate();
    gate.limit('h', 2);
    gate.limit('h', 1);
    const order: string[] = [];
    const first = await gate.acquire('h');
    const second = gate.acquire('h').then((release) => {
      order.push('second');
      return release;
    });
    const third = gate.acquire('h').then((release) => {
      order.push('third');
      return release;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first();
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    const other = await gate.acquire('other');
    other();
  });
});
