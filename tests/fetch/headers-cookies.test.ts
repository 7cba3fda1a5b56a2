import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlHarness, serveColumn, storedUrls } from '../helpers/crawl.js';
import { documentPage } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

/** Detail pages are served only with a Referer from the site and the cookie `token=ok`; else 403. */
function guarded(title: string) {
  return (request: IncomingMessage) => {
    const referred = String(request.headers.referer ?? '').startsWith(site.baseUrl);
    const cookie = String(request.headers.cookie ?? '')
      .split('; ')
      .includes('token=ok');
    return referred && cookie ? { body: documentPage(title) } : { status: 403, body: 'forbidden' };
  };
}

describe('headers and cookies', () => {
  it('fetches detail pages that need a Referer and a cookie only when the config gives them, robots.txt included', async () => {
    site = await startTestSite();
    const documents = serveColumn(site, 2, (item) => guarded(item.title));
    const source = { id: 'picky', startUrls: [`${site.baseUrl}/col/index.html`] };

    const bare = crawlHarness({ sources: [source] });
    const { summary: refused } = await bare.crawl();
    expect(storedUrls(bare.db)).toEqual([]);
    expect(refused.sources.picky?.errors).toBe(2);

    const h = crawlHarness({
      extra: { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9', Referer: 'https://default.example/' } },
      sources: [{ ...source, headers: { Referer: `${site.baseUrl}/col/index.html` }, cookies: { token: 'ok' } }],
    });
    await h.crawl();

    expect(storedUrls(h.db)).toEqual(documents);
    const robots = site.requests.filter((request) => request.path === '/robots.txt').at(-1);
    expect(robots?.headers).toMatchObject({ referer: `${site.baseUrl}/col/index.html`, cookie: 'token=ok', 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(site.requests.every((request) => String(request.headers['user-agent']).includes('bureau-watch'))).toBe(true);
  });

  it('sends headers that say what the crawler is: its User-Agent, Chinese first, no generated browser hints', async () => {
    site = await startTestSite();
    const documents = serveColumn(site, 1);
    const h = crawlHarness({ sources: [{ id: 'plain', startUrls: [`${site.baseUrl}/col/index.html`] }] });
    await h.crawl();
    const page = site.requests.find((request) => request.path === documents[0]!.replace(site.baseUrl, ''));
    expect(page?.headers).toMatchObject({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5', accept: expect.stringContaining('text/html') });
    expect(String(page?.headers['user-agent'])).toContain('bureau-watch');
    expect(Object.keys(page?.headers ?? {}).filter((name) => /^sec-/.test(name))).toEqual([]);
  });

  it('keeps a session cookie the site sets during the run', async () => {
    site = await startTestSite();
    const items = serveColumn(
      site,
      2,
      (item) => (request) => (String(request.headers.cookie).includes('JSESSIONID=abc') ? { body: documentPage(item.title) } : { status: 403 }),
    );
    const list = site.routes.get('/col/index.html') as { body: string };
    site.routes.set('/col/index.html', { body: list.body, headers: { 'set-cookie': 'JSESSIONID=abc; Path=/' } });
    const h = crawlHarness({ sources: [{ id: 'session', startUrls: [`${site.baseUrl}/col/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(items);
  });

  it('names a dropped connection and a 412 challenge on the pages themselves', async () => {
    site = await startTestSite();
    serveColumn(site, 2, () => ({ status: 412, body: '<script>document.cookie="x=1";location.reload()</script>' }));
    const reset = `${site.baseUrl}/col/reset.html`;
    site.route('/col/reset.html', (request) => void request.socket.destroy());
    const h = crawlHarness({ sources: [{ id: 'hostile', startUrls: [`${site.baseUrl}/col/index.html`, reset] }] });

    const { summary } = await h.crawl();

    const byReason = Object.fromEntries((summary.accessFailures.hostile ?? []).map((failure) => [failure.reason, failure]));
    expect(byReason.challenge).toMatchObject({ count: 2, message: expect.stringContaining('set fetch: browser for this source') });
    expect(byReason['connection-reset']).toMatchObject({
      count: 1,
      message: expect.stringMatching(/^connection reset \((ECONNRESET|socket hang up)\) for http:\/\/127\.0\.0\.1:\d+\/col\/reset\.html: .*set proxy/),
    });
  });
});
