import { afterEach, describe, expect, it } from 'vitest';
import { RobotsCache } from '../../src/fetch/robots.js';
import { crawlHarness, serveDocuments, storedUrls, TEST_USER_AGENT } from '../helpers/crawl.js';
import { listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

/** A column with two public documents and one under /art/private/. */
async function columnSite(robots: Parameters<TestSite['routes']['set']>[1]): Promise<{ publicUrls: string[]; privatePath: string }> {
  site = await startTestSite({ routes: { '/robots.txt': robots } });
  const items = [...numberedItems(1, 2), { href: '/art/private/2024/art_9_9.html', title: '内部文件', date: '2024-01-09' }];
  site.routes.set('/col/c/index.html', { body: listPage(items) });
  serveDocuments(site, items);
  return {
    publicUrls: items
      .slice(0, 2)
      .map((i) => site.baseUrl + i.href)
      .sort(),
    privatePath: items[2]!.href,
  };
}

describe('robots.txt', () => {
  it('keeps disallowed paths unfetched and fetches allowed ones, by the rules of our own group', async () => {
    const robots = 'User-agent: *\nDisallow: /\n\nUser-agent: bureau-watch\nAllow: /col/\nAllow: /art/\nDisallow: /art/private/\n';
    const { publicUrls, privatePath } = await columnSite({ body: robots, contentType: 'text/plain' });
    const h = crawlHarness({ sources: [{ id: 'r', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(publicUrls);
    expect(site.hits(privatePath)).toHaveLength(0);
    expect(site.hits('/robots.txt')).toHaveLength(1);
  });

  it('treats a robots.txt that is really an HTML page as allow-all', async () => {
    const html = '<!DOCTYPE html><html><body><p>User-agent: *</p><p>Disallow: /</p>首页</body></html>';
    const { publicUrls, privatePath } = await columnSite({ body: html, contentType: 'text/html' });
    const h = crawlHarness({ sources: [{ id: 'r', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual([...publicUrls, site.baseUrl + privatePath].sort());
  });

  it('allows all when there is no robots.txt (404), and fetches nothing when it answers 5xx', async () => {
    const { publicUrls } = await columnSite({ status: 404 });
    const h = crawlHarness({ sources: [{ id: 'r', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(publicUrls.length + 1);

    site.routes.set('/robots.txt', { status: 503, body: 'busy' });
    const before = site.requests.length;
    const unreachable = crawlHarness({ sources: [{ id: 'r', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await unreachable.crawl();
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(['/robots.txt']);
    expect(storedUrls(unreachable.db)).toEqual([]);
  });

  it('sends the configured User-Agent, containing bureau-watch, with every request including robots.txt', async () => {
    await columnSite({ body: 'User-agent: *\nDisallow:\n', contentType: 'text/plain' });
    const h = crawlHarness({ sources: [{ id: 'r', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
    await h.crawl();
    await h.crawl();
    expect(site.requests.length).toBeGreaterThan(6);
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set([TEST_USER_AGENT]));
  });

  it('lowers the rate to Crawl-delay and reads the rules once per origin', async () => {
    site = await startTestSite({ routes: { '/robots.txt': { body: 'User-agent: *\nCrawl-delay: 4\nDisallow: /admin/\n', contentType: 'text/plain' } } });
    const cache = new RobotsCache({ userAgent: TEST_USER_AGENT, timeoutMs: 2000 });
    const rules = await cache.forUrl(`${site.baseUrl}/x`);
    expect(rules.crawlDelaySecs()).toBe(4);
    expect(await cache.isAllowed(`${site.baseUrl}/admin/page.html`)).toBe(false);
    expect(await cache.isAllowed(`${site.baseUrl}/col/index.html`)).toBe(true);
    expect(cache.peek(`${site.baseUrl}/admin/`)).toBe(false);
    expect(site.hits('/robots.txt')).toHaveLength(1);
  });
});
