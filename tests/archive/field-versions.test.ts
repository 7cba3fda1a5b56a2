import { describe, expect, it, onTestFinished } from 'vitest';
import { listDocumentEvents } from '../../src/events/outbox.js';
import { getDocumentByUrl } from '../../src/store/documents.js';
import { listVersions } from '../../src/store/versions.js';
import { crawlHarness } from '../helpers/crawl.js';
import { listPage, recordPage, type RecordPage } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';

const LIST = '/col/col1/index.html';
const DOC = '/art/2024/3/5/art_1_1.html';
const TITLE = '关于规范行政执法的规定';

async function recordSite() {
  const site = await startTestSite();
  onTestFinished(() => site.close());
  site.routes.set(LIST, { body: listPage([{ href: DOC, title: TITLE, date: '2024-03-05' }]) });
  let page: RecordPage = { title: TITLE };
  site.routes.set(DOC, () => ({ body: recordPage(page) }));
  return { site, edit: (change: Partial<RecordPage>) => void (page = { ...page, ...change }) };
}

function harness(listUrl: string) {
  return crawlHarness({
    sources: [{ id: 'justice', startUrls: [listUrl] }],
    extra: { alerts: [{ name: 'abolished', on: ['document.created', 'document.updated'], fields: { validity: '废止|失效' } }] },
  });
}

describe('a change of a canonical field alone', () => {
  it('效力状况 有效 → 废止 with the body untouched: version 2, one document.updated naming validity, the field alert once', async () => {
    const { site, edit } = await recordSite();
    const { db, ...run } = harness(`${site.baseUrl}${LIST}`);
    const crawl = () => run.crawl();
    await crawl();
    const url = `${site.baseUrl}${DOC}`;
    expect(listDocumentEvents(db).map((event) => event.type)).toEqual(['document.created']);

    // Chrome only (view counter, the footer's "today"): nothing.
    edit({ views: 4_211 });
    expect((await crawl()).summary.sources.justice).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    edit({ validity: '废止', views: 4_350 });
    expect((await crawl()).summary.sources.justice).toMatchObject({ updated: 1 });
    const updates = listDocumentEvents(db, { type: 'document.updated' });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      version: 2,
      alerts: ['abolished'],
      changes: { titleChanged: false, fieldsChanged: ['validity'], paragraphsAdded: 0, paragraphsRemoved: 0 },
    });
    const doc = getDocumentByUrl(db, url)!;
    expect(listVersions(db, doc.id).map((version) => [version.version, version.fields.validity, version.text])).toEqual([
      [1, '有效', expect.stringContaining('各区县司法局')],
      [2, '废止', listVersions(db, doc.id)[0]!.text],
    ]);

    // The unchanged page again, counter moved: nothing, and the alert stays raised once.
    edit({ views: 4_500 });
    await crawl();
    expect(listDocumentEvents(db).map((event) => [event.type, event.alerts])).toEqual([
      ['document.created', []],
      ['document.updated', ['abolished']],
    ]);
    expect(listVersions(db, doc.id)).toHaveLength(2);
  });

  it('a field written another way (〔〕 as [], spaces) is the same value: no version', async () => {
    const { site, edit } = await recordSite();
    const { db, ...run } = harness(`${site.baseUrl}${LIST}`);
    const crawl = () => run.crawl();
    await crawl();
    edit({ docNo: '某司发 [2024] 3号' });
    await crawl();
    edit({ docNo: '某司发〔2024〕4号' });
    await crawl();
    const updates = listDocumentEvents(db, { type: 'document.updated' });
    expect(updates.map((event) => [event.version, event.changes?.fieldsChanged, event.alerts])).toEqual([[2, ['docNo'], []]]);
  });
});
