import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSiteDir, startStaticSite, type SiteOverride, type StaticSite } from '../../src/demo/server.js';
import { FatalError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';
import { rawRequest } from './http-helpers.js';

const started: StaticSite[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((site) => site.close()));
});

/** A tiny site in a temp dir, with a secret file beside (not inside) the root. */
function fixtureSite(): string {
  const dir = tempDir('bw-static-');
  const root = join(dir, 'site');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html><head><title>home</title></head><body>首页</body></html>');
  writeFileSync(join(root, 'sub', 'index.html'), '<p>sub index</p>');
  writeFileSync(join(root, 'sub', 'page.html'), '<p>page</p>');
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow: /admin/\n');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  const old = new Date('2024-01-02T03:04:05Z');
  utimesSync(join(root, 'sub', 'page.html'), old, old);
  return root;
}

async function serve(root: string, overrides?: Map<string, SiteOverride>): Promise<StaticSite> {
  const site = await startStaticSite(root, { overrides });
  started.push(site);
  return site;
}

describe('startStaticSite', () => {
  it('serves files on 127.0.0.1 with text/html carrying no charset', async () => {
    const site = await serve(fixtureSite());
    expect(site.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${site.baseUrl}/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('首页');
    const robots = await fetch(`${site.baseUrl}/robots.txt`);
    expect(robots.headers.get('content-type')).toBe('text/plain');
    expect(await robots.text()).toContain('Disallow: /admin/');
  });

  it('serves index.html for directory paths', async () => {
    const site = await serve(fixtureSite());
    expect(await (await fetch(`${site.baseUrl}/`)).text()).toContain('首页');
    expect(await (await fetch(`${site.baseUrl}/sub/`)).text()).toBe('<p>sub index</p>');
    expect(await (await fetch(`${site.baseUrl}/sub`)).text()).toBe('<p>sub index</p>');
  });

  it('answers 404 with an HTML page for missing files', async () => {
    const site = await serve(fixtureSite());
    const res = await fetch(`${site.baseUrl}/nope/missing.html`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('404');
  });

  it.each([
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/sub/..%5c..%5csecret.txt',
    '/index.html%00.txt',
    'secret.txt',
  ])('rejects the traversal or malformed target %s', async (target) => {
    const site = await serve(fixtureSite());
    const res = await rawRequest(site.baseUrl, target);
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toContain('TOP SECRET');
  });

  it('sends ETag and Last-Modified, and answers If-None-Match with 304', async () => {
    const site = await serve(fixtureSite());
    const first = await fetch(`${site.baseUrl}/sub/page.html`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('last-modified')).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
    const again = await fetch(`${site.baseUrl}/sub/page.html`, { headers: { 'If-None-Match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const weak = await fetch(`${site.baseUrl}/sub/page.html`, { headers: { 'If-None-Match': `"x", W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await fetch(`${site.baseUrl}/sub/page.html`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe('<p>page</p>');
  });

  it('answers If-Modified-Since with 304 unless the file changed after it', async () => {
    const site = await serve(fixtureSite());
    const notModified = await fetch(`${site.baseUrl}/sub/page.html`, {
      headers: { 'If-Modified-Since': 'Tue, 02 Jan 2024 03:04:05 GMT' },
    });
    expect(notModified.status).toBe(304);
    const modified = await fetch(`${site.baseUrl}/sub/page.html`, {
      headers: { 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' },
    });
    expect(modified.status).toBe(200);
    // If-None-Match wins: a stale tag means 200 even when the date would say 304.
    const both = await fetch(`${site.baseUrl}/sub/page.html`, {
      headers: { 'If-None-Match': '"old"', 'If-Modified-Since': 'Tue, 02 Jan 2024 03:04:05 GMT' },
    });
    expect(both.status).toBe(200);
  });

  it('logs every request with status, user agent and conditional headers, and calls onRequest', async () => {
    const seen: string[] = [];
    const site = await startStaticSite(fixtureSite(), { onRequest: (entry) => seen.push(`${entry.status} ${entry.path}`) });
    started.push(site);
    const first = await fetch(`${site.baseUrl}/sub/page.html?x=1`, { headers: { 'User-Agent': 'bureau-watch/test' } });
    await fetch(`${site.baseUrl}/sub/page.html`, { headers: { 'If-None-Match': first.headers.get('etag') as string } });
    await fetch(`${site.baseUrl}/missing.html`, { method: 'HEAD' });
    expect(site.requests).toEqual([
      {
        method: 'GET',
        path: '/sub/page.html?x=1',
        host: new URL(site.baseUrl).host,
        status: 200,
        userAgent: 'bureau-watch/test',
        ifNoneMatch: undefined,
        ifModifiedSince: undefined,
      },
      expect.objectContaining({ method: 'GET', status: 304, ifNoneMatch: first.headers.get('etag') }),
      expect.objectContaining({ method: 'HEAD', path: '/missing.html', status: 404 }),
    ]);
    expect(seen).toEqual(['200 /sub/page.html?x=1', '304 /sub/page.html', '404 /missing.html']);
  });

  it('lets a handler answer first: a reply gets validators and 304s, a handler may answer itself, or pass', async () => {
    const site = await startStaticSite(fixtureSite(), {
      handle: (req, res) => {
        if (req.url === '/scripted.html') return { body: '<p>scripted</p>', contentType: 'text/html; charset=utf-8' };
        if (req.url === '/raw') {
          res.writeHead(418).end('teapot');
          return 'answered';
        }
        return undefined;
      },
    });
    started.push(site);
    const scripted = await fetch(`${site.baseUrl}/scripted.html`);
    expect(await scripted.text()).toBe('<p>scripted</p>');
    expect(scripted.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const again = await fetch(`${site.baseUrl}/scripted.html`, { headers: { 'If-None-Match': scripted.headers.get('etag') as string } });
    expect(again.status).toBe(304);
    const raw = await fetch(`${site.baseUrl}/raw`);
    expect([raw.status, await raw.text()]).toEqual([418, 'teapot']);
    expect(await (await fetch(`${site.baseUrl}/index.html`)).text()).toContain('首页');
    expect(site.requests.map((entry) => `${entry.status} ${entry.path}`)).toEqual(['200 /scripted.html', '304 /scripted.html', '418 /raw', '200 /index.html']);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const site = await serve(fixtureSite());
    const head = await rawRequest(site.baseUrl, '/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.byteLength).toBe(0);
    const post = await rawRequest(site.baseUrl, '/index.html', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('applies overrides read live on every request', async () => {
    const overrides = new Map<string, SiteOverride>();
    const site = await serve(fixtureSite(), overrides);
    const url = `${site.baseUrl}/sub/page.html`;
    const original = await fetch(url);
    const etag = original.headers.get('etag') as string;

    site.overrides.set('/sub/page.html', { body: (bytes) => `${bytes?.toString()}<p>added</p>` });
    const rewritten = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(rewritten.status).toBe(200);
    expect(await rewritten.text()).toBe('<p>page</p><p>added</p>');
    expect(rewritten.headers.get('last-modified')).toBeNull();
    expect(rewritten.headers.get('etag')).not.toBe(etag);

    overrides.set('/sub/page.html', { status: 404 });
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('404');

    overrides.set('/new.html', { body: '<p>new</p>', headers: { 'X-Test': '1' } });
    const created = await fetch(`${site.baseUrl}/new.html`);
    expect(created.headers.get('content-type')).toBe('text/html');
    expect(created.headers.get('x-test')).toBe('1');
    expect(await created.text()).toBe('<p>new</p>');

    overrides.set('/sub/page.html', { status: 503, body: 'busy', contentType: 'text/plain' });
    expect((await fetch(url)).status).toBe(503);
    overrides.clear();
    expect(await (await fetch(url)).text()).toBe('<p>page</p>');
  });

  it('refuses a root that is not a directory', async () => {
    await expect(startStaticSite(join(tempDir(), 'absent'))).rejects.toBeInstanceOf(FatalError);
  });

  it('stops accepting connections once closed', async () => {
    const site = await startStaticSite(fixtureSite());
    await site.close();
    await expect(fetch(`${site.baseUrl}/index.html`)).rejects.toThrow();
  });

  it('can reuse a fixed port after a restart, so URLs stay stable', async () => {
    const root = fixtureSite();
    const first = await startStaticSite(root);
    const port = Number(new URL(first.baseUrl).port);
    await first.close();
    const second = await startStaticSite(root, { port });
    started.push(second);
    expect(second.baseUrl).toBe(first.baseUrl);
    expect((await fetch(`${second.baseUrl}/index.html`)).status).toBe(200);
  });
});

describe('demoSiteDir', () => {
  it('points at the bundled site', () => {
    const dir = demoSiteDir();
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'robots.txt'))).toBe(true);
    expect(existsSync(join(dir, 'col', 'col1001', 'index.html'))).toBe(true);
  });
});
