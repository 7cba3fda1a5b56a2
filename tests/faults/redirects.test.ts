import { afterEach, describe, expect, it } from 'vitest';
import { faultHarness, storedTexts } from '../helpers/crawl.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';

/** Redirect loops end with a clear error; no request leaves the source's scope, not even via a redirect. */
let site: TestSite;
let offSite: TestSite;
afterEach(async () => {
  await site?.close();
  await offSite?.close();
});

const redirect = (location: string) => (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(302, { Location: location }).end();

describe('redirects', () => {
  it('reports a redirect loop and goes on', async () => {
    site = await startTestSite();
    site.route('/', html(listPage(linkItems([docPath(1), docPath(2)]))));
    site.route(docPath(1), redirect(docPath(101)));
    site.route(docPath(101), redirect(docPath(1)));
    site.route(docPath(2), html(disclosurePage('正常的文件', '正常')));
    const archive = faultHarness({ startUrls: [`${site.baseUrl}/`] });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src']).toMatchObject({ created: 1, errors: 1 });
    expect(log.text()).toMatch(/redirect/i);
    expect(site.hits(docPath(1)).length).toBeLessThanOrEqual(25);
  });

  it('never fetches off-site: not a link, not a redirect from a page, not a redirect from a start URL', async () => {
    site = await startTestSite();
    offSite = await startTestSite({ host: '127.0.0.1' });
    offSite.route('/', html(listPage(linkItems([docPath(7)]))));
    offSite.route(docPath(7), html(disclosurePage('站外文件', '站外')));
    site.route('/', html(listPage(linkItems([docPath(1), docPath(2), `${offSite.baseUrl}${docPath(7)}`]))));
    site.route(docPath(1), redirect(`${offSite.baseUrl}${docPath(7)}`));
    site.route(docPath(2), html(disclosurePage('站内文件', '站内')));
    site.route('/moved', redirect(`${offSite.baseUrl}/`));
    const archive = faultHarness({ startUrls: [`${site.baseUrl}/`, `${site.baseUrl}/moved`] });
    const { log } = await archive.crawl();

    expect(offSite.requests).toEqual([]);
    expect(site.requests.length).toBeGreaterThan(2);
    for (const request of site.requests) expect(request.userAgent).toContain('bureau-watch');
    expect([...storedTexts(archive.db).keys()]).toEqual([docPath(2)]);
    const urls = archive.db.prepare('SELECT url FROM documents').pluck().all() as string[];
    expect(urls.every((url) => url.startsWith(site.baseUrl))).toBe(true);
    expect(log.text()).toMatch(/redirect/i);
  });

  it('follows a redirect that stays in scope and stores the page under its final URL', async () => {
    site = await startTestSite();
    site.route('/', html(listPage(linkItems([docPath(1)]))));
    site.route(docPath(1), redirect(docPath(2)));
    site.route(docPath(2), html(disclosurePage('搬家的文件', '搬家')));
    const archive = faultHarness({ startUrls: [`${site.baseUrl}/`] });
    await archive.crawl();

    expect(storedTexts(archive.db).get(docPath(2))).toContain('搬家第6段');
  });
});
