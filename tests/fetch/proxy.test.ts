import { afterEach, describe, expect, it } from 'vitest';
import { crawlHarness, serveColumn, storedUrls } from '../helpers/crawl.js';
import { startTestSite, tlsFixture, type TestSite } from '../helpers/site.js';
import { closedPort, startProxy, type TestProxy } from './helpers/proxy.js';
import { startSocks5 } from './helpers/socks.js';

/**
 * The site is reachable only through the proxy: its URLs name a port where nothing listens, and
 * the proxy maps that port to the site's real one. Plain requests must also carry the proxy's
 * `via` header, or the site answers 403.
 */
let site: TestSite;
let proxy: TestProxy;
afterEach(async () => {
  await proxy?.close();
  await site.close();
});

async function hiddenSite(tls?: 'leaf'): Promise<{ publicBase: string; documents: string[] }> {
  site = await startTestSite(tls ? { tls } : {});
  const hidden = await closedPort();
  const publicBase = site.baseUrl.replace(`:${site.port}`, `:${hidden}`);
  const documents = serveColumn(site).map((url) => url.replace(site.baseUrl, publicBase));
  site.routes.set('/robots.txt', (request) =>
    tls || request.headers.via === 'test-proxy' ? { body: 'User-agent: *\nAllow: /\n', headers: { 'content-type': 'text/plain' } } : { status: 403 },
  );
  proxy = await startProxy({ routes: new Map([[`127.0.0.1:${hidden}`, `127.0.0.1:${site.port}`]]), credentials: 'crawler:s3cret-Pass' });
  return { publicBase, documents };
}

const source = (base: string, extra: Record<string, unknown> = {}) => ({ id: 'behind-proxy', startUrls: [`${base}/col/index.html`], ...extra });

describe('proxy', () => {
  it('sends every request of the source, robots.txt included, through the proxy (plain HTTP), credentials from ${VAR}', async () => {
    const { publicBase, documents } = await hiddenSite();
    const h = crawlHarness({
      extra: { proxy: `http://crawler:\${PROXY_PASSWORD}@127.0.0.1:${proxy.port}` },
      sources: [source(publicBase)],
      env: { PROXY_PASSWORD: 's3cret-Pass' },
    });

    const { summary, log } = await h.crawl();

    expect(storedUrls(h.db)).toEqual(documents);
    expect(summary.accessFailures).toEqual({});
    expect(proxy.log).toContain(`GET ${publicBase}/robots.txt`);
    expect(proxy.log).toContain(`GET ${publicBase}/col/index.html`);
    expect(site.requests.every((request) => request.headers.via === 'test-proxy')).toBe(true);
    expect(site.requests.every((request) => String(request.headers['user-agent']).includes('bureau-watch'))).toBe(true);
    expect(log.text()).not.toContain('s3cret-Pass');
    expect(log.text()).toContain('http://***:***@127.0.0.1');
  });

  it("tunnels HTTPS through CONNECT, with the source's TLS options applied end to end", async () => {
    const { publicBase, documents } = await hiddenSite('leaf');
    const h = crawlHarness({
      sources: [source(publicBase, { proxy: `http://crawler:s3cret-Pass@127.0.0.1:${proxy.port}`, tls: { ca: tlsFixture('ca.pem') } })],
    });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(documents);
    expect(proxy.log.filter((line) => line.startsWith('CONNECT '))).not.toHaveLength(0);
    expect(proxy.log.every((line) => line === `CONNECT 127.0.0.1:${publicBase.split(':').pop()}`)).toBe(true);
  });

  it('goes through a SOCKS5 proxy with user and password, robots.txt included', async () => {
    const { publicBase, documents } = await hiddenSite('leaf');
    const hidden = publicBase.split(':').pop();
    const socks = await startSocks5({ user: 'crawler', password: 's5-Pass', routes: new Map([[`127.0.0.1:${hidden}`, `127.0.0.1:${site.port}`]]) });
    try {
      const h = crawlHarness({
        sources: [source(publicBase, { proxy: `socks5://crawler:s5-Pass@127.0.0.1:${socks.port}`, tls: { ca: tlsFixture('ca.pem') } })],
      });
      const { log } = await h.crawl();
      expect(storedUrls(h.db)).toEqual(documents);
      expect(site.requests.map((request) => request.path)).toContain('/robots.txt');
      expect(new Set(socks.log)).toEqual(new Set([`127.0.0.1:${hidden}`]));
      expect(log.text()).not.toContain('s5-Pass');
    } finally {
      await socks.close();
    }
  });

  it('names a refused connection without a proxy, a wrong proxy password and a proxy that is down, never showing the password', async () => {
    const { publicBase } = await hiddenSite();
    const { summary: direct } = await crawlHarness({ sources: [source(publicBase)] }).crawl();
    expect(direct.accessFailures['behind-proxy']?.[0]).toMatchObject({ reason: 'connection-refused', message: expect.stringContaining('set proxy') });

    const wrong = crawlHarness({ extra: { proxy: `http://crawler:Wrong-Pass@127.0.0.1:${proxy.port}` }, sources: [source(publicBase)] });
    const { summary: refused, log: wrongLog } = await wrong.crawl();
    const [auth] = refused.accessFailures['behind-proxy'] ?? [];
    expect(auth).toMatchObject({
      reason: 'proxy-auth',
      message: expect.stringContaining(`proxy http://***:***@127.0.0.1:${proxy.port} asks for authentication (HTTP 407)`),
    });
    expect(JSON.stringify(refused) + wrongLog.text()).not.toContain('Wrong-Pass');

    const down = `http://crawler:Wrong-Pass@127.0.0.1:${await closedPort()}`;
    const gone = crawlHarness({ extra: { proxy: down }, sources: [source(publicBase)] });
    const { summary: unreachable, log: goneLog } = await gone.crawl();
    expect(unreachable.accessFailures['behind-proxy']?.[0]).toMatchObject({ reason: 'proxy-refused', message: expect.stringContaining('check proxy') });
    expect(JSON.stringify(unreachable) + goneLog.text()).not.toContain('Wrong-Pass');
  });
});
