import { afterEach, describe, expect, it } from 'vitest';
import { PARSE_LIMITS } from '../../src/html/parse.js';
import { MAX_TEXT_CHARS } from '../../src/extract/main-text/index.js';
import { archiveIsConsistent, faultHarness, storedTexts } from '../helpers/crawl.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';

/**
 * Pages built to make the parser or the extractor slow or hungry (issue #10 items 2 and 11):
 * each is stored, or fails alone with a log line naming the limit, while the rest of the crawl
 * goes on. Time and memory of each are measured in bench/hostile-pages.ts, not here.
 */
let server: TestSite;
afterEach(async () => {
  await server?.close();
});

const CONSISTENT = { orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 };

function nestedPage(title: string, marker: string, depth: number): string {
  return disclosurePage(title, marker)
    .replace('<div id="zoom">', `<div id="zoom">${'<div>'.repeat(depth)}`)
    .replace('</div></div>', `${'</div>'.repeat(depth)}</div></div>`);
}

describe('hostile page shapes in a crawl', () => {
  it('stores a page nested 200,000 elements deep, in seconds, beside an ordinary one', { timeout: 60_000 }, async () => {
    server = await startTestSite();
    server.route('/', html(listPage(linkItems([1, 2].map(docPath)))));
    server.route(docPath(1), html(nestedPage('深度嵌套二十万层的文件', '深嵌套', 200_000)));
    server.route(docPath(2), html(disclosurePage('正常的文件', '正常')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src'], log.text()).toMatchObject({ created: 2, errors: 0 });
    const texts = storedTexts(archive.db);
    expect(texts.get(docPath(1))).toContain('深嵌套第6段：各学校要认真贯彻落实');
    expect(texts.get(docPath(2))).toContain('正常第6段');
    expect(archiveIsConsistent(archive.db)).toEqual(CONSISTENT);
  });

  it('fails a page over the node cap alone, naming the limit, and stores the others', { timeout: 60_000 }, async () => {
    server = await startTestSite();
    server.route('/', html(listPage(linkItems([1, 2, 3].map(docPath)))));
    server.route(docPath(1), html(disclosurePage('正常的文件一', '甲')));
    server.route(docPath(2), html(disclosurePage('元素过多的文件', '过多', '<i>'.repeat(PARSE_LIMITS.maxNodes))));
    server.route(docPath(3), html(disclosurePage('正常的文件三', '丙')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src'], log.text()).toMatchObject({ created: 2, errors: 1 });
    expect([...storedTexts(archive.db).keys()].sort()).toEqual([docPath(1), docPath(3)]);
    const failure = log.lines.find((line) => (typeof line.url === 'string' ? line.url : '').endsWith(docPath(2)) && line.level === 50);
    expect(String(failure?.msg)).toMatch(new RegExp(`more than ${PARSE_LIMITS.maxNodes} HTML nodes.*limit ${PARSE_LIMITS.maxNodes} nodes per page`));
  });

  it('reads a 10 MB list of 200,000 links and stores a 10 MB page of 300,000 paragraphs, its text cut at the cap', { timeout: 120_000 }, async () => {
    server = await startTestSite();
    const items = [docPath(1), ...Array.from({ length: 200_000 }, (_, i) => `/a/${i}`)];
    server.route('/', html(`<html><body><ul>${items.map((href, i) => `<li><a href="${href}">通知${i}</a>2024-1-2</li>`).join('')}</ul></body></html>`));
    const paragraphs = Array.from({ length: 300_000 }, (_, i) => `<p>工作要求第${i}段。</p>`).join('');
    server.route(docPath(1), html(disclosurePage('三十万段的文件', '长文').replace('</div></div>', `${paragraphs}</div></div>`)));
    // The list page and the first item only: the rest of the 200,000 are found but not fetched.
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], source: { maxPages: 2 } });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src'], log.text()).toMatchObject({ pages: 2, created: 1, errors: 0 });
    const text = storedTexts(archive.db).get(docPath(1)) ?? '';
    expect(text).toContain('长文第6段');
    expect(text.replace(/\n/g, '').length).toBeGreaterThanOrEqual(MAX_TEXT_CHARS);
    expect(text.length).toBeLessThan(MAX_TEXT_CHARS * 1.2);
    expect(log.lines.find((line) => line.msg === 'source listing read')).toMatchObject({ listingComplete: false });
  });
});
