/**
 * Attachments through the whole crawl: fetched beside their notice, read, stored once per sha256,
 * searchable, versioned (a replaced file is a change, the same bytes are not) and contained (a
 * corrupt file fails alone). Readers run in the test's thread (helpers/read.ts inProcessReader).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listDocumentEvents } from '../../src/events/outbox.js';
import { searchDocuments } from '../../src/search/search.js';
import { iterateDocumentRecords, withAttachmentTexts } from '../../src/store/document-record.js';
import { crawlHarness } from '../helpers/crawl.js';
import { docPath } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { makeZip } from './helpers/zip-writer.js';
import { corruptPdf, cidFontPdf } from './helpers/pdf-writer.js';
import { inProcessReader } from './helpers/read.js';
import { fileUrl, serveFile, serveNotices, standardFiles, type ServedFile } from './helpers/notice-site.js';

let site: TestSite;
afterEach(async () => {
  await site?.close();
});

const reader = inProcessReader();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const count = (h: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }, sql: string) => h.db.prepare(sql).pluck().get() as number;

async function noticeSite(files: ServedFile[], title = '关于印发2025年工作要点的通知') {
  site = await startTestSite();
  const column = serveNotices(site, [{ path: docPath(1), title, files }]);
  const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }] });
  return { h, crawl: () => h.crawl({ attachmentReader: reader }) };
}

describe('every format, from the crawl to search and export', () => {
  it('a phrase found only inside each file finds its document, and the hit names the attachment', async () => {
    const files = standardFiles();
    const { h, crawl } = await noticeSite(files);
    const { summary } = await crawl();
    expect(summary.sources.att).toMatchObject({ created: 1, errors: 0 });
    for (const [position, file] of files.entries()) {
      const hits = searchDocuments(h.db, file.phrase!);
      expect(
        hits.map((hit) => hit.record.url),
        file.path,
      ).toEqual([`${site.baseUrl}${docPath(1)}`]);
      expect(hits[0]!.attachment, file.path).toMatchObject({ position, url: fileUrl(site, file) });
      expect(hits[0]!.snippet).toContain(`[${file.phrase}]`);
    }
  });

  it('records the sha256 of the served bytes, the kind, the text, and names from the query or Content-Disposition', async () => {
    const files = standardFiles();
    const { h, crawl } = await noticeSite(files);
    await crawl();
    const [record] = [...iterateDocumentRecords(h.db)].map((r) => withAttachmentTexts(h.db, r));
    expect(record!.attachments.map((a) => a.sha256)).toEqual(files.map((file) => sha256(file.bytes)));
    expect(record!.attachments.map((a) => [a.status, a.size! > 0, a.textLength! > 0])).toEqual(files.map(() => ['ok', true, true]));
    expect(record!.attachments.map((a) => a.mediaType)).toEqual([
      'application/pdf',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-excel',
      'application/ofd',
      'application/zip',
    ]);
    expect(record!.attachments[0]).toMatchObject({ name: '1.2025年工作要点.pdf', textLayer: true });
    expect(record!.attachments[1]!.name).toBe('课后服务实施方案.pdf'); // the link said only 点击下载
    expect(record!.attachments[2]!.name).toBe('集团化办学.docx'); // only the query names it
    files.forEach((file, i) => expect(record!.attachments[i]!.text).toContain(file.phrase));
    // One blob per file, beside the page's raw body.
    expect(count(h, 'SELECT count(*) FROM attachment_files')).toBe(files.length);
    expect(count(h, 'SELECT count(*) FROM blobs')).toBe(files.length + 1);
  });
});

describe('versions', () => {
  it('an unchanged re-crawl asks for each file conditionally and makes nothing', async () => {
    const { h, crawl } = await noticeSite(standardFiles().slice(0, 3));
    await crawl();
    const start = site.requests.length;
    const { summary } = await crawl();
    expect(summary.sources.att).toMatchObject({ created: 0, updated: 0, notModified: 1 });
    const files = site.requests.slice(start).filter((r) => !r.path.startsWith('/col/') && !r.path.startsWith('/art/') && r.path !== '/robots.txt');
    expect(files).toHaveLength(3);
    expect(files.every((r) => r.status === 304 && r.ifNoneMatch)).toBe(true);
    expect(count(h, 'SELECT count(*) FROM versions')).toBe(1);
    expect(listDocumentEvents(h.db).map((e) => e.type)).toEqual(['document.created']);
  });

  it('replacing the PDF under the same URL makes version 2 and one document.updated naming it; the same text again makes nothing', async () => {
    const pdf: ServedFile = { path: '/files/yaodian.pdf', linkText: '1.2025年工作要点.pdf', bytes: cidFontPdf(['一、总体要求', '二、加强课后服务']) };
    const { h, crawl } = await noticeSite([pdf, ...standardFiles().slice(2, 3)]);
    await crawl();
    serveFile(site, { ...pdf, bytes: cidFontPdf(['一、总体要求', '二、全面推进课后服务提质']) });
    const { summary } = await crawl();
    expect(summary.sources.att).toMatchObject({ notModified: 1, updated: 1 });
    const events = listDocumentEvents(h.db);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['document.created', 1],
      ['document.updated', 2],
    ]);
    expect(events[1]!.changes).toMatchObject({
      paragraphsAdded: 0,
      paragraphsRemoved: 0,
      attachments: [{ name: '1.2025年工作要点.pdf', change: 'changed', paragraphsAdded: 1, paragraphsRemoved: 1 }],
    });
    expect(searchDocuments(h.db, '全面推进课后服务提质')).toHaveLength(1);
    expect(searchDocuments(h.db, '加强课后服务')).toHaveLength(0); // search holds the latest version

    // New bytes, same words (a PDF written again): no version.
    const rewritten = cidFontPdf(['一、总体要求', '二、全面推进课后服务提质', '']);
    serveFile(site, { ...pdf, bytes: rewritten });
    await crawl();
    expect(count(h, 'SELECT count(*) FROM versions')).toBe(2);
    expect(count(h, 'SELECT count(*) FROM events')).toBe(2);
  });

  it('an attachment added or removed is a change, named in the summary', async () => {
    const [first, second] = standardFiles().slice(2, 4) as [ServedFile, ServedFile];
    site = await startTestSite();
    const notice = { path: docPath(1), title: '关于开展工作的通知', files: [first] };
    const column = serveNotices(site, [notice]);
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }] });
    await h.crawl({ attachmentReader: reader });
    notice.files = [first, second];
    await h.crawl({ attachmentReader: reader });
    notice.files = [second];
    await h.crawl({ attachmentReader: reader });
    const changes = listDocumentEvents(h.db)
      .slice(1)
      .map((e) => e.changes?.attachments);
    expect(changes).toEqual([[{ name: second.linkText, change: 'added' }], [{ name: '集团化办学.docx', change: 'removed' }]]);
  });
});

describe('containment and failures', () => {
  it('a corrupt PDF and a ZIP bomb fail alone: the document and its good attachment are stored', async () => {
    const bomb = makeZip([{ name: 'zeros.bin', data: new Uint8Array(8 * 1024 * 1024) }]);
    const good = standardFiles()[2]!;
    site = await startTestSite();
    const files: ServedFile[] = [
      { path: '/files/broken.pdf', linkText: '损坏的文件.pdf', bytes: corruptPdf() },
      { path: '/files/bomb.zip', linkText: '压缩包.zip', bytes: bomb },
      good,
    ];
    const column = serveNotices(site, [{ path: docPath(1), title: '关于印发方案的通知', files }]);
    const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }], extra: { attachments: { maxInflatedBytes: 1024 * 1024 } } });
    const { summary, log } = await h.crawl({ attachmentReader: reader });
    expect(summary.sources.att).toMatchObject({ created: 1, errors: 0, attachmentsFailed: 2 });
    // The run says so: the source is degraded (not failed: its document is archived).
    expect(summary.outcomes.att).toEqual({ outcome: 'degraded', reason: expect.stringContaining('2 attachment(s) could not be fetched or read') as string });
    const [record] = [...iterateDocumentRecords(h.db)];
    expect(record!.attachments.map((a) => [a.status, a.mediaType, a.textLength])).toEqual([
      ['failed', 'application/pdf', 0],
      ['failed', 'application/zip', 0],
      ['ok', good.bytes.length > 0 ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : '', 14],
    ]);
    expect(record!.attachments[1]!.sha256).toBe(sha256(bomb)); // the bytes are kept, for a later reader
    const reasons = log.lines.filter((line) => line.msg?.toString().startsWith('attachment could not be read')).map((line) => line.failure);
    expect(reasons.sort()).toEqual(['malformed', 'too-large']);
    expect(log.lines.find((line) => line.msg === 'attachments checked')).toMatchObject({ source: 'att', ok: 1, failed: 2, read: 3 });
    expect(searchDocuments(h.db, good.phrase!)).toHaveLength(1);
  });
});
