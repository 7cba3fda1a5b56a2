import { afterEach, describe, expect, it } from 'vitest';
import { compareDocument } from '../../src/archive/changes.js';
import { autoThreads, PageWorkers, type PageWorkerOptions } from '../../src/crawl/page-workers/pool.js';
import { processPage } from '../../src/crawl/process-page.js';
import { fingerprintOfComparison } from '../../src/dedupe/lsh-index.js';
import type { FetchedResponse, FetchRequest } from '../../src/fetch/types.js';
import { encodePageBody } from '../../src/store/blobs.js';
import { crawlHarness, serveColumn } from '../helpers/crawl.js';
import { documentPage, listPage, numberedItems } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';

const BASE = 'http://127.0.0.1:8080';

function response(path: string, html: string, kind: FetchRequest['kind'] = 'unknown'): FetchedResponse {
  const url = BASE + path;
  return {
    ok: true,
    request: { url, kind },
    url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(html),
    fetchedAt: '2026-11-26T00:00:00.000Z',
  };
}

const pools: PageWorkers[] = [];
const sites: TestSite[] = [];
afterEach(async () => {
  await Promise.all([...pools.splice(0).map((pool) => pool.close()), ...sites.splice(0).map((site) => site.close())]);
});

function pool(options: Partial<PageWorkerOptions> = {}): PageWorkers {
  const workers = new PageWorkers({ threads: 1, inProcessPages: 0, maxHeapMb: 256, timeoutMs: 30_000, ...options });
  pools.push(workers);
  return workers;
}

describe('page workers', () => {
  it('process a document as the crawl thread would, prepared for the writer', async () => {
    const page = response('/art/2024/1/1/art_1_1.html', documentPage('关于印发2024年工作要点的通知'), 'document');
    const workers = pool();
    const inWorker = await workers.process(page, 'alpha');
    const inThread = processPage(page, 'alpha');
    expect(workers.started).toBe(1);
    if (inWorker.kind !== 'document' || inThread.kind !== 'document') throw new Error(`expected documents, got ${inWorker.kind} and ${inThread.kind}`);
    const { compared, rawBlob, ...snapshot } = inWorker.snapshot;
    expect(snapshot).toEqual(inThread.snapshot);
    // The crawl's own buffer comes back, not a copy; the encoded body is a Buffer SQLite can bind.
    expect(snapshot.rawBody).toBe(page.body);
    const expectedComparison = compareDocument(inThread.snapshot.document);
    expect(compared).toEqual({ ...expectedComparison, fingerprint: fingerprintOfComparison(expectedComparison.comparison) });
    expect(compared?.fingerprint).not.toBeNull();
    expect(Buffer.isBuffer(rawBlob?.data)).toBe(true);
    expect(rawBlob).toEqual(encodePageBody(page.body));
  });

  it('process list pages, and report a page that cannot be processed with the parser’s own message', async () => {
    const workers = pool();
    const list = response('/col/index.html', listPage(numberedItems(1, 3)), 'start');
    expect(await workers.process(list, 'alpha')).toEqual(processPage(list, 'alpha'));
    const tooBig = response('/col/big.html', `<html><body>${'<br>'.repeat(1_000_001)}</body></html>`, 'start');
    await expect(workers.process(tooBig, 'alpha')).rejects.toThrow('page has more than 1000000 HTML nodes: not parsed (limit 1000000 nodes per page)');
    // The worker survives a page that throws.
    expect((await workers.process(list, 'alpha')).kind).toBe('list');
    expect(workers.started).toBe(1);
  });

  it('stop a worker that takes too long, fail its page with the reason, and start another for the next', async () => {
    const workers = pool({ timeoutMs: 1 });
    const page = response('/art/1.html', documentPage('通知'), 'document');
    await expect(workers.process(page, 'alpha')).rejects.toThrow('expected the page to be processed within 1 ms, it was still running and was stopped');
    await expect(workers.process(page, 'alpha')).rejects.toThrow('within 1 ms');
    expect(workers.started).toBe(2);
  });

  it('process pages in the crawl thread, and say why, when workers keep dying while they start', async () => {
    const reasons: string[] = [];
    // A heap of 1 MB cannot even load the modules: every worker dies before it is ready.
    const workers = pool({ maxHeapMb: 1, onUnavailable: (reason) => reasons.push(reason) });
    const page = response('/art/1.html', documentPage('通知'), 'document');
    const processed = await workers.process(page, 'alpha');
    expect(processed.kind).toBe('document');
    expect(workers.started).toBe(3);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^3 page workers in a row stopped while starting \(.+\): pages are processed in the crawl's own thread$/);
    await workers.process(page, 'alpha');
    expect(workers.started).toBe(3);
  });

  it('process the first pages of a run in its own thread, then in workers; none when set to 0', async () => {
    const page = response('/art/1.html', documentPage('通知'), 'document');
    const later = pool({ inProcessPages: 2 });
    await later.process(page, 'alpha');
    await later.process(page, 'alpha');
    expect(later.started).toBe(0);
    await later.process(page, 'alpha');
    expect(later.started).toBe(1);
    const none = pool({ threads: 0 });
    for (let i = 0; i < 3; i++) await none.process(page, 'alpha');
    expect(none.started).toBe(0);
  });

  it('give a crawl the same archive as processing in its own thread', async () => {
    const site = await startTestSite();
    sites.push(site);
    serveColumn(site, 6);
    const archives = [];
    for (const workers of [0, 1]) {
      const h = crawlHarness({ sources: [{ id: 'alpha', startUrls: [`${site.baseUrl}/col/index.html`] }], extra: { pages: { workers, inProcessPages: 0 } } });
      const { summary } = await h.crawl();
      expect(summary.sources.alpha).toMatchObject({ created: 6, errors: 0 });
      archives.push(
        h.db
          .prepare(
            `SELECT d.url, d.content_hash, d.title_hash, d.fields_hash, v.title, v.text, v.raw_hash, b.compression, b.size, length(b.data) AS stored
             FROM documents d JOIN versions v ON v.document_id = d.id JOIN blobs b ON b.hash = v.raw_hash ORDER BY d.url`,
          )
          .all(),
      );
      expect(h.db.prepare('SELECT count(*) FROM duplicate_signatures').pluck().get()).toBe(6);
    }
    expect(archives[1]).toEqual(archives[0]);
  });
});

describe('page workers by default (auto)', () => {
  it('use a thread per core beyond the crawl’s own, none on 1 core', () => {
    expect([1, 2, 3, 4, 8].map(autoThreads)).toEqual([0, 1, 2, 3, 7]);
  });
});
