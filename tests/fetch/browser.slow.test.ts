import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowserExecutable } from '../../src/fetch/browser-executable.js';
import { getBlob } from '../../src/store/blobs.js';
import { crawlHarness, serveColumn, storedUrls } from '../helpers/crawl.js';
import { documentPage, serveScriptColumn } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

/** The system Chromium, if installed: the browser tests need one, and say so when they skip. */
function installedChromium(): string | undefined {
  try {
    return findBrowserExecutable(undefined);
  } catch {
    return undefined;
  }
}
const chromium = installedChromium();
if (!chromium) console.warn('fetch: browser tests SKIPPED: no Chromium on PATH (install it: apt-get install chromium)');

let site: TestSite;
afterEach(async () => {
  await site?.close();
});

/** A 瑞数-style guard: 412 and a script that sets a cookie and reloads, until the cookie comes back. */
function challenged(body: string) {
  return (request: IncomingMessage) =>
    String(request.headers.cookie ?? '').includes('guard=passed')
      ? { body }
      : { status: 412, body: '<html><body><script>document.cookie = "guard=passed; path=/"; location.reload();</script></body></html>' };
}

describe.skipIf(!chromium)('fetch: browser (system Chromium)', () => {
  it('reads a column whose list a script builds from JSON, and stores the rendered page', async () => {
    site = await startTestSite();
    const documents = serveScriptColumn(site, 1);
    const written = '<span id="w"></span><script>document.getElementById("w").textContent = "此段由脚本写入。";</script>';
    const served = documentPage('脚本正文', `${written}${'正文内容。'.repeat(30)}`);
    site.routes.set(new URL(documents[0]!).pathname, { body: served });
    const h = crawlHarness({ sources: [{ id: 'rendered', fetch: 'browser', startUrls: [`${site.baseUrl}/col/index.html`] }] });

    const { summary } = await h.crawl();

    expect(summary.accessFailures).toEqual({});
    expect(storedUrls(h.db)).toEqual(documents);
    const version = h.db
      .prepare('SELECT v.text, v.raw_hash AS rawHash, v.original_hash AS originalHash FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.url = ?')
      .get(documents[0]) as { text: string; rawHash: string; originalHash: string };
    expect(version.text).toContain('此段由脚本写入。');
    const raw = getBlob(h.db, version.rawHash)!;
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the rendered DOM, marked UTF-8
    expect(raw.toString('utf8')).toContain('<span id="w">此段由脚本写入。</span>');
    // and the page as the network delivered it, before the script ran
    expect(getBlob(h.db, version.originalHash)!.toString('utf8')).toBe(served);
    expect(site.requests.map((request) => request.path)).toContain('/robots.txt');
    expect(site.requests.every((request) => String(request.headers['user-agent']).includes('bureau-watch'))).toBe(true);
  });

  it('passes a 412 challenge that sets a cookie by script and reloads', async () => {
    site = await startTestSite();
    const documents = serveColumn(site, 1, (item) => challenged(documentPage(item.title)));
    const list = site.routes.get('/col/index.html') as { body: string };
    site.routes.set('/col/index.html', challenged(list.body));
    const h = crawlHarness({ sources: [{ id: 'guarded', fetch: 'browser', startUrls: [`${site.baseUrl}/col/index.html`] }] });

    await h.crawl();

    expect(storedUrls(h.db)).toEqual(documents);
    expect(site.requests.filter((request) => request.path === '/col/index.html').length).toBeGreaterThanOrEqual(2);
  });
});

describe('fetch: browser without a browser', () => {
  it('fails that source with how to install one; the other sources are crawled', async () => {
    site = await startTestSite();
    const documents = serveColumn(site, 1);
    const h = crawlHarness({
      extra: { browser: { executablePath: '/nonexistent/chromium' } },
      sources: [
        { id: 'needs-browser', fetch: 'browser', startUrls: [`${site.baseUrl}/col/index.html`] },
        { id: 'plain', startUrls: [`${site.baseUrl}/col/index.html`] },
      ],
    });

    const { summary } = await h.crawl();

    // The run fails (the source read nothing), and says why; the other source is archived all the same.
    expect(summary.status).toBe('failed');
    expect(summary.outcomes['needs-browser']?.outcome).toBe('failed');
    expect(summary.outcomes.plain?.outcome).toBe('ok');
    expect(storedUrls(h.db)).toEqual(documents);
    expect(summary.sources['needs-browser']?.errors).toBe(1);
    expect(summary.accessFailures['needs-browser']).toEqual([
      {
        reason: 'browser-missing',
        count: 1,
        message:
          'browser.executablePath /nonexistent/chromium is not an executable file: install one (Debian/Ubuntu: apt-get install chromium) or set browser.executablePath',
      },
    ]);
  });
});
