/**
 * How attachments are fetched: where from (the page's host, `attachmentHosts`), politely (User-Agent,
 * robots.txt), within the size cap, redirects checked hop by hop, and what each answer leaves in the
 * record (not-found, too-large, out-of-scope, failed). A failed re-check keeps the file fetched before;
 * a first failure filled in later is no change.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listEvents } from '../../src/events/outbox.js';
import { dispositionFileName } from '../../src/fetch/content-disposition.js';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { searchDocuments } from '../../src/search/search.js';
import { iterateDocumentRecords } from '../../src/store/document-record.js';
import { captureLog } from '../helpers/log.js';
import { crawlHarness, TEST_USER_AGENT } from '../helpers/crawl.js';
import { docPath } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { inProcessReader } from './helpers/read.js';
import { serveNotices, standardFiles, type ServedFile } from './helpers/notice-site.js';

const sites: TestSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});
async function site(host?: string): Promise<TestSite> {
  const started = await startTestSite(host ? { host } : {});
  sites.push(started);
  return started;
}

const reader = inProcessReader();
const docx = standardFiles()[2]!;
const statuses = (h: ReturnType<typeof crawlHarness>) => [...iterateDocumentRecords(h.db)][0]!.attachments.map((a) => [a.name, a.status]);

describe('where attachments may come from', () => {
  it('the page host and attachmentHosts; any other host, a redirect off them and robots.txt refusals are out-of-scope', async () => {
    const page = await site();
    const files = await site('127.0.0.2');
    const other = await site('127.0.0.3');
    page.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', contentType: 'text/plain' });
    const notice: ServedFile[] = [
      { ...docx, path: '/files/plan.docx', linkText: '文件服务器上的方案.docx', site: files },
      { ...docx, path: '/files/plan.docx', linkText: '别处的方案.docx', site: other },
      { path: '/moved.pdf', linkText: '转到别处.pdf', bytes: new Uint8Array(), site: page },
      { path: '/private/a.docx', linkText: '不许抓取.docx', bytes: docx.bytes },
      { path: '/hop.docx', linkText: '转到文件服务器.docx', bytes: new Uint8Array(), site: page },
    ];
    const column = serveNotices(page, [{ path: docPath(1), title: '关于印发方案的通知', files: notice }]);
    page.routes.set('/moved.pdf', { status: 302, headers: { location: `${other.baseUrl}/elsewhere.pdf` } });
    page.routes.set('/hop.docx', { status: 301, headers: { location: `${files.baseUrl}/files/plan.docx` } });
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column], attachmentHosts: ['127.0.0.2'] }] });
    await h.crawl({ attachmentReader: reader });
    expect(statuses(h)).toEqual([
      ['文件服务器上的方案.docx', 'ok'],
      ['别处的方案.docx', 'out-of-scope'],
      ['转到别处.pdf', 'out-of-scope'],
      ['不许抓取.docx', 'out-of-scope'],
      ['转到文件服务器.docx', 'ok'],
    ]);
    expect(other.requests.filter((r) => r.path !== '/robots.txt')).toEqual([]);
    expect(page.hits('/private/a.docx')).toEqual([]);
    expect(files.requests.every((r) => r.userAgent === TEST_USER_AGENT)).toBe(true);
  });
});

describe('how they are asked for', () => {
  it("with the source's headers and cookies, the run's User-Agent, and a file server's Content-Disposition name", async () => {
    const page = await site();
    const seen: Record<string, string | string[] | undefined>[] = [];
    page.route('/download.do', (req, res) => {
      seen.push(req.headers);
      res
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="${Buffer.from('方案.docx').toString('latin1')}"`,
        })
        .end(Buffer.from(docx.bytes));
    });
    // The link names nothing but the endpoint; the raw route (it wins over serveNotices' file route) answers with a raw UTF-8 file name.
    const files: ServedFile[] = [{ path: '/download.do?id=1', linkText: 'download.do', bytes: new Uint8Array() }];
    const column = serveNotices(page, [{ path: docPath(1), title: '关于印发方案的通知', files }]);
    const h = crawlHarness({
      sources: [{ id: 'att', startUrls: [column], headers: { Referer: 'https://www.example.gov.cn/' }, cookies: { JSESSIONID: 'abc123' } }],
    });
    await h.crawl({ attachmentReader: reader });
    expect(seen).toEqual([expect.objectContaining({ referer: 'https://www.example.gov.cn/', cookie: 'JSESSIONID=abc123', 'user-agent': TEST_USER_AGENT })]);
    expect(statuses(h)).toEqual([['方案.docx', 'ok']]);
  });
});

describe('what each answer leaves in the record', () => {
  it('404 is not-found, past fetch.maxAttachmentBytes too-large (announced or not), a 500 after retries failed', async () => {
    const page = await site();
    const big = new Uint8Array(6000).fill(0x41);
    page.route('/chunked.bin', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(big);
      res.end(big);
    });
    const files: ServedFile[] = [
      { path: '/gone.pdf', linkText: '已删除.pdf', bytes: new Uint8Array() },
      { path: '/big.pdf', linkText: '太大.pdf', bytes: big },
      { path: '/chunked.bin', linkText: '分块太大.zip', bytes: new Uint8Array() },
      { path: '/broken.pdf', linkText: '出错.pdf', bytes: new Uint8Array() },
    ];
    const column = serveNotices(page, [{ path: docPath(1), title: '关于印发方案的通知', files }]);
    page.routes.delete('/gone.pdf');
    page.routes.set('/broken.pdf', { status: 500, body: 'oops' });
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }], fetch: { maxAttachmentBytes: 5000, maxRetries: 1 } });
    const { summary } = await h.crawl({ attachmentReader: reader });
    expect(summary.sources.att).toMatchObject({ created: 1 });
    expect(statuses(h)).toEqual([
      ['已删除.pdf', 'not-found'],
      ['太大.pdf', 'too-large'],
      ['分块太大.zip', 'too-large'],
      ['出错.pdf', 'failed'],
    ]);
    expect([...iterateDocumentRecords(h.db)][0]!.attachments[1]).toMatchObject({ size: 6000, sha256: null });
    expect(page.hits('/broken.pdf')).toHaveLength(2); // one retry

    // The page answers 304: only the failed link is asked again; those that led to no file wait
    // until the page itself is fetched again.
    await h.crawl({ attachmentReader: reader });
    expect([page.hits('/gone.pdf'), page.hits('/big.pdf'), page.hits('/chunked.bin'), page.hits('/broken.pdf')].map((hits) => hits.length)).toEqual([
      1, 1, 1, 4,
    ]);
    expect(statuses(h)).toEqual([
      ['已删除.pdf', 'not-found'],
      ['太大.pdf', 'too-large'],
      ['分块太大.zip', 'too-large'],
      ['出错.pdf', 'failed'],
    ]);
  });

  it('a failed re-check keeps the file fetched before; a first failure read later fills in the entry without an event', async () => {
    const page = await site();
    const files: ServedFile[] = [docx, { ...standardFiles()[3]!, path: '/files/later.doc' }];
    const column = serveNotices(page, [{ path: docPath(1), title: '关于印发方案的通知', files }]);
    page.routes.set('/files/later.doc', { status: 503, body: 'busy' });
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }], fetch: { maxRetries: 0 } });
    await h.crawl({ attachmentReader: reader });
    expect(statuses(h)).toEqual([
      ['集团化办学.docx', 'ok'],
      ['安全教育通知.doc', 'failed'],
    ]);

    page.routes.set(docx.path, { status: 503, body: 'busy' });
    page.routes.set('/files/later.doc', { body: Buffer.from(files[1]!.bytes), contentType: 'application/msword' });
    await h.crawl({ attachmentReader: reader });
    const [record] = [...iterateDocumentRecords(h.db)];
    expect(record!.version).toBe(1);
    expect(record!.attachments.map((a) => [a.status, a.sha256])).toEqual([
      ['ok', createHash('sha256').update(docx.bytes).digest('hex')],
      ['ok', createHash('sha256').update(files[1]!.bytes).digest('hex')],
    ]);
    expect(listEvents(h.db).map((e) => e.type)).toEqual(['document.created']);
  });

  it('attachments.fetch: false records the links alone; fetching them later fills the entries in, searchable, without an event', async () => {
    const page = await site();
    const column = serveNotices(page, [{ path: docPath(1), title: '关于印发方案的通知', files: [docx] }]);
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }], extra: { attachments: { fetch: false } } });
    await h.crawl({ attachmentReader: reader });
    expect([...iterateDocumentRecords(h.db)][0]!.attachments).toEqual([{ url: `${page.baseUrl}${docx.path}`, name: '集团化办学.docx' }]);
    expect(page.hits('/getfile.do')).toEqual([]);
    expect(searchDocuments(h.db, docx.phrase!)).toEqual([]);

    // As an archive from before attachments were fetched, upgraded: the page answers 304, its links are checked.
    await runCrawl(h.db, { ...h.config, attachments: { ...h.config.attachments, fetch: true } }, h.config.sources, captureLog().logger, {
      attachmentReader: reader,
    });
    const [record] = [...iterateDocumentRecords(h.db)];
    expect(record).toMatchObject({ version: 1, attachments: [{ status: 'ok', sha256: createHash('sha256').update(docx.bytes).digest('hex') }] });
    expect(listEvents(h.db).map((e) => e.type)).toEqual(['document.created']);
    expect(searchDocuments(h.db, docx.phrase!).map((hit) => hit.attachment?.name)).toEqual(['集团化办学.docx']);
  });
});

describe('Content-Disposition file names', () => {
  it('reads filename* (UTF-8, percent-encoded), quoted names, and raw UTF-8 or GBK bytes; never a path', () => {
    expect(dispositionFileName(`attachment; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf; filename="x.pdf"`)).toBe('方案.pdf');
    expect(dispositionFileName('attachment; filename="a \\"b\\".doc"')).toBe('a "b".doc');
    expect(dispositionFileName(`attachment; filename=${Buffer.from('工作要点.docx', 'utf8').toString('latin1')}`)).toBe('工作要点.docx');
    const gbk = Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xb5, 0xe3]).toString('latin1'); // 工作要点 in GBK
    expect(dispositionFileName(`attachment; filename="${gbk}.pdf"`)).toBe('工作要点.pdf');
    expect(dispositionFileName('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(dispositionFileName('attachment; filename=%E6%96%B9.pdf')).toBe('方.pdf');
    expect(dispositionFileName('inline')).toBeNull();
    expect(dispositionFileName('attachment; filename=""')).toBeNull();
  });
});
