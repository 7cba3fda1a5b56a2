import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/archive.js';
import { get, serveArchive } from './serve-archive.js';

const PAGES = ['/', '/?q=x', '/events', '/sources', '/sources/alpha', '/api/stats', '/feeds/all.atom', '/nowhere'];

describe('serve: safe by default (in process)', () => {
  it('every answer carries a strict CSP (no script, own styles), nosniff, no framing, no referrer', async () => {
    const { app, hostileId, planId } = serveArchive();
    for (const path of [...PAGES, `/documents/${hostileId}`, `/documents/${planId}/diff`, `/documents/${planId}/history`]) {
      const { response } = await get(app, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('pages have no inline script or style at all', async () => {
    const { app, hostileId, planId } = serveArchive();
    for (const path of ['/?q=%E5%8F%8C%E5%87%8F', `/documents/${hostileId}`, `/documents/${planId}/diff?view=side`, '/sources/alpha', '/events']) {
      const $ = cheerio.load((await get(app, path)).body);
      expect($('script, style, iframe, object, embed').length, path).toBe(0);
      const attributes = $('*')
        .toArray()
        .flatMap((element) => Object.keys('attribs' in element ? element.attribs : {}));
      expect(
        attributes.filter((name) => name === 'style' || name.startsWith('on')),
        path,
      ).toEqual([]);
    }
  });

  it('only GET and HEAD: every other method is a 405 naming the allowed ones, and nothing is written', async () => {
    const { app, db, test } = serveArchive();
    const before = test.db.prepare('SELECT count(*) FROM documents').pluck().get();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/', '/api/search?q=x', '/documents/x']) {
        const response = await app.request(path, { method, body: method === 'OPTIONS' ? null : '{}' });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
      }
    }
    const head = await app.request('/sources', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(test.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
    // and the connection it reads could not write if it tried
    expect(db.readonly).toBe(true);
    expect(() => db.prepare('DELETE FROM documents').run()).toThrow(/readonly/);
  });

  it('the archived copy is sandboxed: a download with its own content type, or plain text; never a page of ours', async () => {
    const { app, hostileId } = serveArchive();
    const download = await get(app, `/documents/${hostileId}/versions/1/archived`);
    expect(download.response.status).toBe(200);
    expect(download.response.headers.get('content-security-policy')).toBe('sandbox');
    expect(download.response.headers.get('content-disposition')).toBe(`attachment; filename="${hostileId}-v1.html"`);
    expect(download.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(download.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.body).toBe('<html><body><script>window.__pwned = "archived"</script>原网页</body></html>');
    const text = await get(app, `/documents/${hostileId}/versions/1/archived.txt`);
    expect(text.response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.response.headers.get('content-security-policy')).toBe('sandbox');
    expect(text.response.headers.get('content-disposition')).toBeNull();
    expect(text.body).toContain('<script>window.__pwned');
    expect((await get(app, `/documents/${hostileId}/versions/2/archived`)).response.status).toBe(404);
    expect((await get(app, `/documents/${hostileId}/versions/x/archived.txt`)).response.status).toBe(404);
  });

  it('a hostile declared content type is not passed on', async () => {
    const { app, test } = serveArchive();
    test.record(snapshot('http://alpha.example/odd.html', { title: 'odd', headers: { 'Content-Type': 'text/html\u0000; x="<script>"' } }));
    const id = test.db.prepare('SELECT id FROM documents WHERE url = ?').pluck().get('http://alpha.example/odd.html') as string;
    const { response } = await get(app, `/documents/${id}/versions/1/archived`);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('bound to loopback, a request addressed to another host name is refused (DNS rebinding)', async () => {
    const { app } = serveArchive();
    expect((await app.request('http://evil.example/api/stats')).status).toBe(421);
    expect((await app.request('http://127.0.0.1:8080/api/stats')).status).toBe(200);
    expect((await app.request('http://[::1]:8080/api/stats')).status).toBe(200);
    expect((await app.request('http://localhost/api/stats')).status).toBe(200);
  });

  it('with a password set, every page, feed and API answer needs the Basic login (401 and the realm otherwise)', async () => {
    const { app } = serveArchive({ credentials: { user: 'archivist', password: 'pass:wörd' } });
    const basic = (login: string) => ({ headers: { Authorization: `Basic ${Buffer.from(login).toString('base64')}` } });
    for (const path of ['/', '/api/stats', '/feeds/all.atom', '/nowhere']) {
      const { response } = await get(app, path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate'), path).toContain('realm="bureau-watch"');
      expect((await get(app, path, basic('archivist:wrong'))).response.status, path).toBe(401);
      expect((await get(app, path, basic('someone:pass:wörd'))).response.status, path).toBe(401);
    }
    expect((await get(app, '/', basic('archivist:pass:wörd'))).response.status).toBe(200);
    expect((await get(app, '/api/stats', basic('archivist:pass:wörd'))).response.status).toBe(200);
    expect((await get(app, '/nowhere', basic('archivist:pass:wörd'))).response.status).toBe(404);
  });
});
