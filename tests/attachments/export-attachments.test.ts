/**
 * Attachments in what leaves the archive: jsonl records (sha256 of the served bytes, text), the
 * `export --attachments DIR` files and index, the WARC export's attachment responses, and history.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { documentHistory } from '../../src/archive/history.js';
import { exportAttachmentFiles } from '../../src/export/attachment-files.js';
import { exportJsonl } from '../../src/export/jsonl.js';
import { exportWarc } from '../../src/export/warc.js';
import { crawlHarness } from '../helpers/crawl.js';
import { docPath } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { readWarc } from '../export/warc-reader.js';
import { cidFontPdf } from './helpers/pdf-writer.js';
import { inProcessReader } from './helpers/read.js';
import { serveFile, serveNotices, standardFiles, type ServedFile } from './helpers/notice-site.js';

let site: TestSite;
afterEach(async () => {
  await site?.close();
});
const reader = inProcessReader();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
}

/** A notice with a PDF (replaced once: two versions), a DOCX and a link that answers 404, crawled twice. */
async function archiveWithTwoVersions() {
  site = await startTestSite();
  const pdf: ServedFile = { path: '/files/yaodian.pdf', linkText: '2025年工作要点.pdf', bytes: cidFontPdf(['一、总体要求', '二、加强课后服务']) };
  const docx = standardFiles()[2]!;
  const files = [pdf, docx, { path: '/files/gone.doc', linkText: '已删除.doc', bytes: new Uint8Array() }];
  const column = serveNotices(site, [{ path: docPath(1), title: '关于印发工作要点的通知', files }]);
  site.routes.delete('/files/gone.doc');
  const h = crawlHarness({ sources: [{ id: 'att', startUrls: [column] }] });
  await h.crawl({ attachmentReader: reader });
  const replaced = cidFontPdf(['一、总体要求', '二、全面推进课后服务提质']);
  serveFile(site, { ...pdf, bytes: replaced });
  await h.crawl({ attachmentReader: reader });
  return { h, pdf, replaced, docx };
}

describe('exports', () => {
  it('jsonl, the attachment files with their index, WARC responses and history all carry the attachments', async () => {
    const { h, pdf, replaced, docx } = await archiveWithTwoVersions();

    const [line] = (await collect((out) => exportJsonl(h.db, out))).toString('utf8').trim().split('\n');
    const record = JSON.parse(line!);
    expect(record.version).toBe(2);
    expect(record.attachments.map((a: { sha256: string | null }) => a.sha256)).toEqual([sha256(replaced), sha256(docx.bytes), null]);
    expect(record.attachments.map((a: { status: string }) => a.status)).toEqual(['ok', 'ok', 'not-found']);
    expect(record.attachments[0].text).toContain('全面推进课后服务提质');
    expect(record.attachments[2].text).toBe('');

    const dir = tempDir('bw-att-export-');
    expect(await exportAttachmentFiles(h.db, dir)).toEqual({ entries: 3, files: 2 });
    expect(readdirSync(dir).sort()).toEqual([`${sha256(docx.bytes)}.docx`, `${sha256(replaced)}.pdf`, 'index.jsonl'].sort());
    expect(readFileSync(join(dir, `${sha256(replaced)}.pdf`)).equals(Buffer.from(replaced))).toBe(true);
    const index = readFileSync(join(dir, 'index.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(index.map((entry) => [entry.position, entry.name, entry.status, entry.file])).toEqual([
      [0, '2025年工作要点.pdf', 'ok', `${sha256(replaced)}.pdf`],
      [1, '集团化办学.docx', 'ok', `${sha256(docx.bytes)}.docx`],
      [2, '已删除.doc', 'not-found', null],
    ]);
    expect(await exportAttachmentFiles(h.db, dir)).toEqual({ entries: 3, files: 2 }); // again: same files, no temporaries left
    expect(readdirSync(dir)).toHaveLength(3);

    const records = readWarc(await collect((out) => exportWarc(h.db, out)));
    const responses = records.filter((r) => r.headers.get('warc-type') === 'response');
    const byUrl = (path: string) => responses.filter((r) => r.headers.get('warc-target-uri') === `${site.baseUrl}${path}`);
    // Both PDFs (one per version), the DOCX once although both versions list it, no record for the 404.
    expect(byUrl(pdf.path).map((r) => sha256(r.http!.payload))).toEqual([sha256(pdf.bytes), sha256(replaced)]);
    expect(byUrl(docx.path).map((r) => r.http!.payload.equals(Buffer.from(docx.bytes)))).toEqual([true]);
    expect(byUrl('/files/gone.doc')).toEqual([]);
    expect(records.filter((r) => r.headers.get('warc-type') === 'metadata' && r.block.toString().includes('bureau-watch-attachment-sha256'))).toHaveLength(3);

    const history = documentHistory(h.db, record.id);
    expect(history.map((entry) => entry.summary)).toEqual(['created', 'attachment 2025年工作要点.pdf changed: +1/-1 paragraphs']);
  });
});
