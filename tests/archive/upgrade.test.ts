import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fieldsHashOf } from '../../src/archive/changes.js';
import { listDocumentEvents } from '../../src/events/outbox.js';
import { EXTRACTOR_VERSION } from '../../src/extract/extractor-version.js';
import { extractFromHtml } from '../../src/extract/index.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getDocumentByUrl } from '../../src/store/documents.js';
import { listVersions } from '../../src/store/versions.js';
import { crawlConfig } from '../helpers/crawl.js';
import { captureLog } from '../helpers/log.js';
import { insertOlderDocument, openOlderArchive } from '../helpers/older-archive.js';
import { listPage, RECORD_PARAGRAPHS, recordByline, recordPage, type RecordPage } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { runCrawl } from '../../src/crawl/run-crawl.js';

const LIST = '/col/col1/index.html';
const DOC = '/art/2024/3/5/art_1_1.html';
const TITLE = '关于规范行政执法的规定';
const OLD_READING = {
  // How an older extractor read the page: the byline kept as the first paragraph, the site's name in the title.
  title: `${TITLE}_某某市人民政府`,
  text: [recordByline(125), ...RECORD_PARAGRAPHS].join('\n'),
  fields: {
    indexNo: '11330100MB0000000X/2024-00012',
    publisher: '某某市司法局',
    docNo: '某司发〔2024〕3号',
    writtenDate: '2024-03-01',
    publishedDate: '2024-03-05',
    validity: '有效',
  },
  publishedDate: '2024-03-05',
};
const STORED_PAGE: RecordPage = { title: TITLE, bylineInBody: true, views: 125 };

/** An archive written before migration 008 holding the page as the older extractor read it, and a site serving it. */
async function upgradedArchive() {
  const site = await startTestSite();
  onTestFinished(() => site.close());
  site.routes.set(LIST, { body: listPage([{ href: DOC, title: TITLE, date: '2024-03-05' }]) });
  let page = STORED_PAGE;
  site.routes.set(DOC, () => ({ body: recordPage(page) }));
  const path = join(tempDir('bw-upgrade-'), 'archive.db');
  const older = openOlderArchive(path, 8);
  const url = `${site.baseUrl}${DOC}`;
  insertOlderDocument(older, { url, source: 'justice', ...OLD_READING, rawBody: Buffer.from(recordPage(STORED_PAGE)) });
  older.close();
  const db = openDatabase(path); // the upgrade: migrations up to 008 applied
  onTestFinished(() => void (db.open && db.close()));
  const config = crawlConfig(path, { sources: [{ id: 'justice', startUrls: [`${site.baseUrl}${LIST}`] }] });
  const crawl = () => runCrawl(db, config, config.sources, captureLog().logger);
  return { db, url, crawl, edit: (change: Partial<RecordPage>) => void (page = { ...page, ...change }) };
}

function updates(db: Db) {
  return listDocumentEvents(db, { type: 'document.updated' });
}

describe('a re-crawl after an extractor upgrade', () => {
  it("premise: today's extractor reads the stored page differently (no byline in the body, no site name in the title)", () => {
    const today = extractFromHtml(recordPage(STORED_PAGE), 'http://127.0.0.1/');
    expect([today.title, today.text]).toEqual([TITLE, RECORD_PARAGRAPHS.join('\n')]);
  });

  it('the counter moved since (other bytes): the stored raw body read again matches, nothing; the key moves on to the current reading', async () => {
    const { db, url, crawl, edit } = await upgradedArchive();
    edit({ views: 131 });
    await crawl();
    await crawl();
    expect(updates(db)).toEqual([]);
    const doc = getDocumentByUrl(db, url)!;
    expect(listVersions(db, doc.id).map((version) => [version.version, version.extractor, version.title])).toEqual([[1, null, OLD_READING.title]]);
    expect(doc).toMatchObject({ keyExtractor: EXTRACTOR_VERSION, fieldsHash: fieldsHashOf(OLD_READING.fields) });
  });

  it('a real change after the upgrade is one update, summarised against the re-read version (not the byline or title the upgrade moved)', async () => {
    const { db, url, crawl, edit } = await upgradedArchive();
    edit({ views: 140, paragraphs: [RECORD_PARAGRAPHS[0]!, `${RECORD_PARAGRAPHS[1]!}（已修订）`, RECORD_PARAGRAPHS[2]!] });
    await crawl();
    expect(updates(db).map((event) => [event.version, event.changes])).toEqual([
      [2, { titleChanged: false, fieldsChanged: [], paragraphsAdded: 1, paragraphsRemoved: 1 }],
    ]);
    const doc = getDocumentByUrl(db, url)!;
    expect(listVersions(db, doc.id).map((version) => [version.version, version.extractor])).toEqual([
      [1, null],
      [2, EXTRACTOR_VERSION],
    ]);
  });

  it('a field-only change after the key moved on: one update naming validity alone', async () => {
    const { db, crawl, edit } = await upgradedArchive();
    edit({ views: 131 });
    await crawl(); // the key moves on silently
    edit({ validity: '废止', views: 150 });
    await crawl();
    await crawl();
    expect(updates(db).map((event) => [event.version, event.changes])).toEqual([
      [2, { titleChanged: false, fieldsChanged: ['validity'], paragraphsAdded: 0, paragraphsRemoved: 0 }],
    ]);
  });

  it('a version stored by an older extractor id (after migration 008) is read again the same way', async () => {
    const { db, url, crawl, edit } = await upgradedArchive();
    const doc = getDocumentByUrl(db, url)!;
    db.prepare('UPDATE versions SET extractor = ? WHERE document_id = ?').run(EXTRACTOR_VERSION - 1, doc.id);
    db.prepare('UPDATE documents SET key_extractor = ?, fields_hash = ? WHERE id = ?').run(EXTRACTOR_VERSION - 1, fieldsHashOf(OLD_READING.fields), doc.id);
    edit({ views: 131 });
    await crawl();
    expect(updates(db)).toEqual([]);
    expect(getDocumentByUrl(db, url)).toMatchObject({ keyExtractor: EXTRACTOR_VERSION });
  });

  it('the same bytes are the same page, even when the extractor changed without a version bump', async () => {
    const { db, url, crawl } = await upgradedArchive();
    const doc = getDocumentByUrl(db, url)!;
    // As if the older reading had been stored under today's extractor id: only the bytes can tell.
    db.prepare('UPDATE versions SET extractor = ? WHERE document_id = ?').run(EXTRACTOR_VERSION, doc.id);
    db.prepare('UPDATE documents SET key_extractor = ?, fields_hash = ? WHERE id = ?').run(EXTRACTOR_VERSION, fieldsHashOf(OLD_READING.fields), doc.id);
    await crawl();
    expect(updates(db)).toEqual([]);
  });
});
