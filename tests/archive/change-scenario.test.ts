import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { listDocumentEvents as listEvents } from '../../src/events/outbox.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getDocumentByUrl } from '../../src/store/documents.js';
import { listVersions } from '../../src/store/versions.js';
import { captureLog } from '../helpers/log.js';
import { bureauSite, type BureauPage, type BureauSite } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { fixtureText, lines } from '../helpers/texts.js';

const PLAN = lines(fixtureText('plan-qianjiang-001.txt')).filter((line) => line.length > 40);
const SIDEBAR = ['关于做好2024年春季开学工作的通知', '2024年寒假安全提醒'];

const PATHS = {
  edited: '/art/2024/3/1/art_100_1.html',
  retitled: '/art/2024/3/2/art_100_2.html',
  chromeOnly: '/art/2024/3/3/art_100_3.html',
  removed: '/art/2024/3/4/art_100_4.html',
  added: '/art/2024/3/9/art_100_9.html',
};

function page(title: string, from: number, published: string): BureauPage {
  return { title, paragraphs: PLAN.slice(from, from + 5), published, views: 10, sidebar: SIDEBAR };
}

async function crawl(db: Db, site: BureauSite, storage: string): Promise<void> {
  const config = validateConfig({
    database: join(storage, 'archive.db'),
    storageDir: storage,
    sources: [{ id: 'fixture', name: '示例市教育局', startUrls: [site.listUrl], maxRequestsPerMinute: 6_000, maxConcurrencyPerHost: 2 }],
    alerts: [
      { name: 'new-plan', on: ['document.created'], titlePattern: '工作计划|工作要点' },
      { name: 'retitled', on: ['document.updated'], titlePattern: '修订' },
    ],
  });
  const log = captureLog();
  await runCrawl(db, config, config.sources, log.logger);
  if (process.env.SCENARIO_DEBUG) console.log(log.text());
}

function eventsSince(db: Db, seq: number): string[] {
  return listEvents(db, { afterSeq: seq })
    .map((event) => `${event.type} ${new URL(event.url).pathname} v${event.version} [${event.alerts.join(',')}]`)
    .sort();
}

function lastSeq(db: Db): number {
  return db.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number;
}

describe('a bureau site changing between crawls', () => {
  it('records exactly one event per real change and none for chrome', async () => {
    const server = await startTestSite();
    onTestFinished(() => server.close());
    const site = bureauSite(server);
    const storage = tempDir();
    const db = openDatabase(join(storage, 'archive.db'));
    site.put(PATHS.edited, page('关于开展2024年教师培训的通知', 0, '2024-03-01'));
    site.put(PATHS.retitled, page('市教育局2024年工作安排', 5, '2024-03-02'));
    site.put(PATHS.chromeOnly, page('关于做好校园安全工作的通知', 10, '2024-03-03'));
    site.put(PATHS.removed, page('关于举办读书月活动的通知', 15, '2024-03-04'));

    await crawl(db, site, storage);
    expect(eventsSince(db, 0)).toEqual(
      [
        `document.created ${PATHS.edited} v1 []`,
        `document.created ${PATHS.retitled} v1 []`,
        `document.created ${PATHS.chromeOnly} v1 []`,
        `document.created ${PATHS.removed} v1 []`,
      ].sort(),
    );

    // Between crawls: one body edit, one retitle, one chrome-only change, one page gone, one new plan.
    const afterFirst = lastSeq(db);
    const edited = site.pages.get(PATHS.edited)!;
    edited.paragraphs = [...edited.paragraphs.slice(0, 2), `${edited.paragraphs[2]}（本条已修改）`, ...edited.paragraphs.slice(3)];
    site.pages.get(PATHS.retitled)!.title = '市教育局2024年工作安排（修订）';
    const chrome = site.pages.get(PATHS.chromeOnly)!;
    chrome.views = 4_211;
    chrome.sidebar = ['关于公布2024年义务教育招生政策的通告', ...SIDEBAR];
    site.pages.get(PATHS.removed)!.gone = true;
    site.put(PATHS.added, page('2024年教育工作计划', 20, '2024-03-09'));

    await crawl(db, site, storage);
    expect(eventsSince(db, afterFirst)).toEqual(
      [`document.updated ${PATHS.edited} v2 []`, `document.updated ${PATHS.retitled} v2 [retitled]`, `document.created ${PATHS.added} v1 [new-plan]`].sort(),
    );
    const updates = listEvents(db, { afterSeq: afterFirst, type: 'document.updated' });
    expect(updates.find((event) => event.url.endsWith(PATHS.edited))!.changes).toMatchObject({ titleChanged: false, paragraphsAdded: 1, paragraphsRemoved: 1 });
    expect(updates.find((event) => event.url.endsWith(PATHS.retitled))!.changes).toMatchObject({
      titleChanged: true,
      paragraphsAdded: 0,
      paragraphsRemoved: 0,
    });

    // The page answers 404 a second time: now it is removed. Nothing else changed.
    const afterSecond = lastSeq(db);
    site.pages.get(PATHS.chromeOnly)!.views = 4_350;
    await crawl(db, site, storage);
    expect(eventsSince(db, afterSecond)).toEqual([`document.removed ${PATHS.removed} v1 []`]);

    const versions = Object.fromEntries(
      Object.entries(PATHS).map(([name, path]) => {
        const doc = getDocumentByUrl(db, site.urlOf(path))!;
        return [name, { versions: listVersions(db, doc.id).length, status: doc.status }];
      }),
    );
    expect(versions).toEqual({
      edited: { versions: 2, status: 'active' },
      retitled: { versions: 2, status: 'active' },
      chromeOnly: { versions: 1, status: 'active' },
      removed: { versions: 1, status: 'removed' },
      added: { versions: 1, status: 'active' },
    });
    expect(listEvents(db)).toHaveLength(4 + 3 + 1);
    db.close();
  });
});
