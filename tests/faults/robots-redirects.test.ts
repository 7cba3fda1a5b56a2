import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceScope } from '../../src/discover/scope.js';
import { faultHarness, storedTexts } from '../helpers/crawl.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';

/**
 * A robots.txt that redirects is followed on its own origin only (RFC 9309 allows five hops); a
 * redirect to another host or port is never requested, and the scope admits http(s) only.
 */
let site: TestSite;
let offSite: TestSite | undefined;
afterEach(async () => {
  await site?.close();
  await offSite?.close();
  offSite = undefined;
});

const redirect = (location: string) => (_req: unknown, res: ServerResponse) => void res.writeHead(302, { Location: location }).end();
const robotsFile = (rules: string) => (_req: unknown, res: ServerResponse) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(rules);
/** Disallows document 2: whether it was fetched tells whether the rules were read. */
const DISALLOW_DOC_2 = `User-agent: *\nDisallow: ${docPath(2)}\n`;

async function columnSite(): Promise<TestSite> {
  const server = await startTestSite();
  server.route('/', html(listPage(linkItems([docPath(1), docPath(2)]))));
  server.route(docPath(1), html(disclosurePage('第一份通知', '第一')));
  server.route(docPath(2), html(disclosurePage('第二份通知', '第二')));
  return server;
}

/** /robots.txt → /r1 → … → /r<hops>, which holds the rules. */
function redirectChain(server: TestSite, hops: number): void {
  for (let hop = 0; hop < hops; hop++) server.route(hop === 0 ? '/robots.txt' : `/r${hop}`, redirect(`/r${hop + 1}`));
  server.route(`/r${hops}`, robotsFile(DISALLOW_DOC_2));
}

describe('robots.txt redirects', () => {
  it('never follows a robots.txt redirect to another port, directly or after a same-origin hop', async () => {
    for (const viaSameOrigin of [false, true]) {
      site = await columnSite();
      offSite = await startTestSite({ host: '127.0.0.1' });
      offSite.route('/robots.txt', robotsFile('User-agent: *\nDisallow: /\n'));
      if (viaSameOrigin) {
        site.route('/robots.txt', redirect('/robots-moved.txt'));
        site.route('/robots-moved.txt', redirect(`${offSite.baseUrl}/robots.txt`));
      } else {
        site.route('/robots.txt', redirect(`${offSite.baseUrl}/robots.txt`));
      }
      const archive = faultHarness({ startUrls: [`${site.baseUrl}/`] });
      const { summary, log } = await archive.crawl();

      expect(offSite.requests, `via same origin: ${viaSameOrigin}`).toEqual([]);
      // Unfollowed, the file counts as unavailable (allow all): both documents are stored.
      expect(summary.sources['fault-src']).toMatchObject({ created: 2, errors: 0 });
      expect(log.text()).toContain('not followed off this origin');
      await site.close();
      await offSite.close();
    }
  });

  it('follows up to five redirects on the same origin and obeys the rules found there', async () => {
    site = await columnSite();
    redirectChain(site, 5);
    const archive = faultHarness({ startUrls: [`${site.baseUrl}/`] });
    await archive.crawl();

    expect(site.hits('/r5').length).toBe(1);
    expect(site.hits(docPath(2)).length).toBe(0);
    expect([...storedTexts(archive.db).keys()]).toEqual([docPath(1)]);
  });

  it('stops at a sixth redirect and treats the file as unavailable (allow all)', async () => {
    site = await columnSite();
    redirectChain(site, 6);
    const archive = faultHarness({ startUrls: [`${site.baseUrl}/`] });
    const { log } = await archive.crawl();

    expect(site.hits('/r5').length).toBe(1);
    expect(site.hits('/r6').length).toBe(0);
    expect([...storedTexts(archive.db).keys()].sort()).toEqual([docPath(1), docPath(2)].sort());
    expect(log.text()).toContain('more than 5 redirects');
  });
});

describe('scope schemes', () => {
  it('admits http and https on the start host, and no other scheme even on the same host:port', () => {
    const scope = new SourceScope({ startUrls: ['http://bureau.example:8080/col/c/index.html'], include: [], exclude: [] });
    expect(scope.allowsDocument('http://bureau.example:8080/art/1.html')).toBe(true);
    expect(scope.allowsDocument('https://bureau.example:8080/art/1.html')).toBe(true);
    for (const scheme of ['ftp', 'ws', 'wss', 'gopher']) {
      expect(scope.allowsDocument(`${scheme}://bureau.example:8080/art/1.html`), scheme).toBe(false);
      expect(scope.allowsPagination(`${scheme}://bureau.example:8080/col/c/index_1.html`), scheme).toBe(false);
    }
  });
});
