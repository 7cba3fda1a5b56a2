import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonPath, selectJsonPath } from '../../src/config/json-path.js';
import { linksFromAnswer } from '../../src/discover/list-api.js';
import { crawlHarness, storedUrls } from '../helpers/crawl.js';
import { serveScriptColumn } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
afterEach(async () => {
  await site?.close();
});

const apiPages = (s: TestSite) => s.requests.filter((request) => request.path.startsWith('/api/list')).map((request) => request.path);

describe('listApi', () => {
  it('reads a script-built column through its JSON API, page by page until a page is empty', async () => {
    site = await startTestSite();
    const documents = serveScriptColumn(site, 2);
    const source = { id: 'scripted', startUrls: [`${site.baseUrl}/col/index.html`] };

    const plain = crawlHarness({ sources: [source] });
    await plain.crawl();
    expect(storedUrls(plain.db)).toEqual([]); // the HTML alone has no links

    const h = crawlHarness({ sources: [{ ...source, listApi: { url: `${site.baseUrl}/api/list?page={page}`, links: 'data.list[*].url' } }] });
    await h.crawl();

    expect(storedUrls(h.db)).toEqual(documents);
    expect(apiPages(site)).toEqual(['/api/list?page=1', '/api/list?page=2', '/api/list?page=3']);
    const api = site.requests.find((request) => request.path === '/api/list?page=1');
    expect(api?.headers.accept).toMatch(/^application\/json/);
  });

  it('builds links from ids with linkTemplate and stops at maxPages or when the API repeats its last page', async () => {
    site = await startTestSite();
    serveScriptColumn(site, 3);
    const clamped = site.routes.get('/api/list') as (r: unknown, u: URL) => unknown;
    site.routes.set(
      '/api/list',
      (request, url) => clamped(request, new URL(`${url.pathname}?page=${Math.min(Number(url.searchParams.get('page')), 2)}`, url)) as never,
    );
    const h = crawlHarness({
      sources: [
        {
          id: 'ids',
          startUrls: [`${site.baseUrl}/col/index.html`],
          listApi: { url: `${site.baseUrl}/api/list?page={page}`, links: '$.data.list[*].id', linkTemplate: '/art/{value}.html', maxPages: 10 },
        },
      ],
    });

    await h.crawl();

    expect(apiPages(site)).toEqual(['/api/list?page=1', '/api/list?page=2', '/api/list?page=3']);
    expect(site.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/art/1.html', '/art/2.html', '/art/3.html', '/art/4.html']));
  });

  it('holds a JSON answer to fetch.maxBodyBytes like a page', async () => {
    site = await startTestSite();
    serveScriptColumn(site, 1);
    const huge = JSON.stringify({ data: { list: Array.from({ length: 2000 }, (_, n) => ({ url: `/art/${n}.html` })) } });
    site.routes.set('/api/list', { body: huge, headers: { 'content-type': 'application/json' } });
    const h = crawlHarness({
      fetch: { timeoutSecs: 5, maxRetries: 0, maxBodyBytes: 10_000 },
      sources: [
        { id: 'big', startUrls: [`${site.baseUrl}/col/index.html`], listApi: { url: `${site.baseUrl}/api/list?page={page}`, links: 'data.list[*].url' } },
      ],
    });

    const { summary, log } = await h.crawl();

    expect(summary.sources.big?.errors).toBe(1);
    expect(log.text()).toContain('exceeds the limit of 10000 bytes (fetch.maxBodyBytes)');
    expect(site.requests.some((request) => request.path.startsWith('/art/'))).toBe(false);
  });

  it('reads only what a safe path reaches, and refuses an answer that is not JSON', () => {
    const api = { url: 'http://x/api?p={page}', links: 'rows[*].href', firstPage: 1, maxPages: 5 };
    const body = Buffer.from(JSON.stringify({ rows: [{ href: '/a.html' }, { href: 'javascript:alert(1)' }, { href: { nested: 1 } }, { href: 12 }] }));
    expect(linksFromAnswer(api, body, 'application/json', 'http://x/api?p=1')).toEqual(['http://x/a.html', 'http://x/12']);
    // Own members only: a path never reaches an object's prototype.
    expect(selectJsonPath(JSON.parse('{"a":{"__proto__":{"x":1}}}'), parseJsonPath('a.__proto__.x'))).toEqual([1]);
    expect(selectJsonPath({ a: 1 }, parseJsonPath('constructor'))).toEqual([]);
    expect(selectJsonPath({ a: {} }, parseJsonPath('a.toString'))).toEqual([]);
    expect(() => linksFromAnswer(api, Buffer.from('<html>busy</html>'), 'text/html', 'http://x/api?p=1')).toThrow(
      /listApi answer from http:\/\/x\/api\?p=1 is not JSON/,
    );
  });
});
