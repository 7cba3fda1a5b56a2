import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { searchDocuments } from '../../src/search/search.js';
import { migrate } from '../../src/store/database.js';
import { putBlob } from '../../src/store/blobs.js';
import { indexDueSearchRows, unindexedSearchRows } from '../../src/store/search-index.js';
import { SearchIndexer } from '../../src/store/search-indexer/indexer.js';
import { setSearchIndexing } from '../../src/store/sql-functions.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { insertOlderDocument, openOlderArchive } from '../helpers/older-archive.js';
import { tempDir } from '../helpers/temp.js';

const found = (store: TestArchive, query: string) => searchDocuments(store.db, query).map((hit) => hit.record.url);
const URL_A = 'http://127.0.0.1/alpha/a.html';

function recordMany(store: TestArchive, count: number): void {
  for (let n = 0; n < count; n++)
    store.record(snapshot(`http://127.0.0.1/alpha/n${n}.html`, { title: `第${n}号通知`, text: `编号${n}的正文，含有检索词语丁戊己。` }));
}

describe('search indexing deferred to an indexer', () => {
  it('marks new and changed texts due, and the catch-up makes search see them', () => {
    const store = openTestArchive();
    setSearchIndexing(store.db, 'deferred');
    store.record(snapshot(URL_A, { title: '通知', text: '旧版本含有独特词语甲乙丙。' }));
    expect(unindexedSearchRows(store.db)).toBe(1);
    expect(found(store, '甲乙丙')).toEqual([]);
    expect(indexDueSearchRows(store.db, 10)).toBe(1);
    expect(found(store, '甲乙丙')).toEqual([URL_A]);

    store.record(snapshot(URL_A, { title: '通知', text: '新版本的文字完全不同。' }));
    expect(unindexedSearchRows(store.db)).toBe(1);
    expect(found(store, '甲乙丙')).toEqual([URL_A]); // the index still holds version 1
    expect(indexDueSearchRows(store.db, 10)).toBe(1);
    expect(found(store, '甲乙丙')).toEqual([]);
    expect(found(store, '完全不同')).toEqual([URL_A]);
    expect(found(store, '完全')).toEqual([URL_A]); // the bigram and title indexes too
    expect(indexDueSearchRows(store.db, 10)).toBe(0);
  });

  it('indexes a version with its attachments’ texts, as the inline trigger does', () => {
    const store = openTestArchive();
    const sha256 = putBlob(store.db, new TextEncoder().encode('%PDF-1.7 the plan'));
    store.db
      .prepare(
        `INSERT INTO attachment_files (sha256, size, kind, media_type, read_status, text_length, text, comparison_hash, read_at)
         VALUES (?, 17, 'pdf', 'application/pdf', 'ok', 12, '附件里的实施细则条款', ?, '2024-03-01T00:00:00Z')`,
      )
      .run(sha256, sha256);
    store.record(snapshot(URL_A, { title: '通知', text: '正文只有一句。' }));
    const attach = () =>
      store.db.prepare('UPDATE versions SET attachments = ?').run(JSON.stringify([{ name: '细则.pdf', url: 'http://127.0.0.1/a.pdf', sha256 }]));
    setSearchIndexing(store.db, 'deferred');
    attach();
    expect(found(store, '实施细则')).toEqual([]);
    expect(indexDueSearchRows(store.db, 10)).toBe(1);
    const deferred = [found(store, '实施细则'), found(store, '细则'), found(store, '正文只有')];
    expect(deferred).toEqual([[URL_A], [URL_A], [URL_A]]);
    setSearchIndexing(store.db, 'inline');
    store.db.prepare("UPDATE versions SET attachments = '[]'").run();
    attach();
    expect([found(store, '实施细则'), found(store, '细则'), found(store, '正文只有')]).toEqual(deferred);
  });

  it('indexes inline again once the connection is switched back, and attachment updates mark the row due only when deferred', () => {
    const store = openTestArchive();
    store.record(snapshot(URL_A, { title: '通知', text: '即时可检索的文字。' }));
    expect(unindexedSearchRows(store.db)).toBe(0);
    expect(found(store, '即时可检索')).toEqual([URL_A]);
    setSearchIndexing(store.db, 'deferred');
    store.db.prepare("UPDATE versions SET attachments = '[]' WHERE version = 1").run();
    expect(unindexedSearchRows(store.db)).toBe(1);
    setSearchIndexing(store.db, 'inline');
    store.db.prepare("UPDATE versions SET attachments = '[]' WHERE version = 1").run();
    expect(unindexedSearchRows(store.db)).toBe(0);
  });

  it('on a worker thread: indexes what a run stores, then hands the connection back', async () => {
    const store = openTestArchive();
    const indexer = new SearchIndexer(store.db, { workerFrom: 1 });
    recordMany(store, 40);
    expect(unindexedSearchRows(store.db)).toBe(40);
    indexer.afterCommit();
    await indexer.finish();
    expect(indexer.indexedByWorker).toBe(40);
    expect(unindexedSearchRows(store.db)).toBe(0);
    expect(found(store, '丁戊己')).toHaveLength(20); // the search's limit
    expect(searchDocuments(store.db, '第39号通知')).toHaveLength(1);
    store.record(snapshot(URL_A, { title: '通知', text: '结束后写入的文字。' }));
    expect(found(store, '结束后写入')).toEqual([URL_A]);
  });

  it('indexes in the crawl’s own thread when the worker fails, and says why', async () => {
    const store = openTestArchive();
    const reasons: string[] = [];
    const indexer = new SearchIndexer(store.db, {
      workerFrom: 1,
      onUnavailable: (reason) => reasons.push(reason),
      spawn: () => new Worker('throw new Error("no thread for you")', { eval: true }),
    });
    recordMany(store, 5);
    indexer.afterCommit();
    await indexer.finish();
    expect(reasons).toEqual([expect.stringMatching(/search indexer thread failed \(.*no thread for you.*\): indexing in the crawl's own thread/)]);
    expect(unindexedSearchRows(store.db)).toBe(0);
    expect(found(store, '丁戊己')).toHaveLength(5);
  });

  it('leaves what a failed run stored due, for the next run to index', async () => {
    const store = openTestArchive();
    const failed = new SearchIndexer(store.db);
    recordMany(store, 3);
    await failed.abort();
    expect(unindexedSearchRows(store.db)).toBe(3);
    await new SearchIndexer(store.db).finish();
    expect(unindexedSearchRows(store.db)).toBe(0);
    expect(found(store, '丁戊己')).toHaveLength(3);
  });

  it('fails the run with a fatal error naming the cause when the due texts cannot be indexed, and keeps them due', async () => {
    const store = openTestArchive();
    const indexer = new SearchIndexer(store.db);
    recordMany(store, 3);
    store.db.pragma('query_only = ON'); // any write now fails, as on a read-only or full disk
    await expect(indexer.finish()).rejects.toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/^search indexing failed: .*readonly.* \(the documents are stored; the next crawl indexes what is left\)$/i),
    });
    store.db.pragma('query_only = OFF');
    expect(unindexedSearchRows(store.db)).toBe(3);
    await new SearchIndexer(store.db).finish();
    expect(unindexedSearchRows(store.db)).toBe(0);
  });

  it('finds an archive from before migration 011 fully indexed', () => {
    const db = openOlderArchive(join(tempDir('bw-older-'), 'archive.db'), 11);
    insertOlderDocument(db, { url: URL_A, title: '旧档案', text: '迁移前已经索引的文字。', rawBody: new TextEncoder().encode('<p>x</p>') });
    migrate(db);
    expect(unindexedSearchRows(db)).toBe(0);
    expect(searchDocuments(db, '已经索引').map((hit) => hit.record.url)).toEqual([URL_A]);
    db.close();
  });
});
