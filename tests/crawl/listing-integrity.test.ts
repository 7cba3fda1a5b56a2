import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { PARSE_LIMITS } from '../../src/html/parse.js';
import { crawlHarness, serveDocuments, storedUrls } from '../helpers/crawl.js';
import { listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

/**
 * A page the crawl could not store, or a list page it could not process, must leave the listing
 * incomplete: otherwise the next run trusts the column as read and stops early at its first page of
 * known items, and the documents behind the lost page are never stored.
 */
let site: TestSite;
afterEach(async () => {
  await site?.close();
});

const first = numberedItems(1, 2);
const second = numberedItems(3, 1);

async function twoPageColumn(): Promise<void> {
  site = await startTestSite();
  site.routes.set('/col/c/index.html', { body: listPage(first, '<a href="list_2.html">下一页</a>') });
  site.routes.set('/col/c/list_2.html', { body: listPage(second) });
  serveDocuments(site, [...first, ...second]);
}

const harness = () => crawlHarness({ sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/c/index.html`] }] });
const listingCompleteAt = (h: ReturnType<typeof harness>) => h.db.prepare('SELECT listing_complete_at FROM crawl_state').pluck().get() ?? null;

describe('listing integrity', () => {
  it('counts a page that cannot be stored as an error, fails the run, and reads past the early stop next time', async () => {
    await twoPageColumn();
    const h = harness();
    h.db.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON documents WHEN NEW.url LIKE '%art_1_3.html'
      BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`);

    const { summary, log } = await h.crawl();
    expect(summary.sources.c).toMatchObject({ created: 2, errors: 1, unstored: 1 });
    expect(summary.status).toBe('failed');
    expect(summary.outcomes.c).toMatchObject({ outcome: 'degraded' });
    expect(summary.outcomes.c!.reason).toContain('1 of them fetched but not stored');
    expect(log.lines.some((line) => line.msg === 'a page could not be stored: counted as an error, its column will be read in full next run')).toBe(true);
    expect(listingCompleteAt(h)).toBeNull();
    expect(h.db.prepare("SELECT outcome FROM source_outcomes WHERE source_id = 'c'").pluck().get()).toBe('degraded');

    h.db.exec('DROP TRIGGER refuse_third');
    const again = await h.crawl();
    expect(again.summary.status).toBe('ok');
    expect(storedUrls(h.db)).toHaveLength(3);
    expect(listingCompleteAt(h)).not.toBeNull();
  });

  it("treats a list page over the parser's node cap as lost: the listing stays incomplete", async () => {
    await twoPageColumn();
    const cap = PARSE_LIMITS.maxNodes;
    PARSE_LIMITS.maxNodes = 3_000;
    onTestFinished(() => void (PARSE_LIMITS.maxNodes = cap));
    site.routes.set('/col/c/list_2.html', { body: listPage(second).replace('</ul>', `${'<i>'.repeat(5_000)}</ul>`) });
    const h = harness();

    const { summary, log } = await h.crawl();
    expect(summary.sources.c).toMatchObject({ created: 2, errors: 1 });
    expect(log.lines.find((line) => line.msg === 'source listing read')).toMatchObject({ listingComplete: false });
    expect(listingCompleteAt(h)).toBeNull();

    site.routes.set('/col/c/list_2.html', { body: listPage(second) });
    await h.crawl();
    expect(storedUrls(h.db)).toHaveLength(3);
  });
});
