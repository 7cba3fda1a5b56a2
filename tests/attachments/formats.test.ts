import { describe, expect, it } from 'vitest';
import { committed, committedPhrases } from './helpers/committed.js';
import { makeDocx, makeOfd, makeXlsx, withOleStream } from './helpers/office-writers.js';
import { cidFontPdf, imageOnlyPdf } from './helpers/pdf-writer.js';
import { readHere } from './helpers/read.js';

describe('reading text from each format', () => {
  it('PDF with an embedded CJK TrueType subset', async () => {
    const result = await readHere(committed('embedded-cjk-subset.pdf'));
    expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: true });
    expect(result.text).toContain(committedPhrases['embedded-cjk-subset.pdf']);
  });

  it('PDF in the non-embedded CID font STSong-Light, mapped to Unicode through the bundled CMaps', async () => {
    const result = await readHere(cidFontPdf(['示例区学生资助工作方案', '建档立卡家庭学生优先资助']));
    expect(result).toMatchObject({ status: 'ok', textLayer: true });
    expect(result.text).toBe('示例区学生资助工作方案\n建档立卡家庭学生优先资助');
    expect(result.textLength).toBe(result.text.length);
  });

  it('PDF without a text layer is ok with textLayer false and no text (OCR off)', async () => {
    const result = await readHere(imageOnlyPdf());
    expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: false, text: '', textLength: 0 });
    expect(result.ocr).toBeUndefined();
  });

  it('DOCX through mammoth', async () => {
    const result = await readHere(makeDocx(['示例区教育局文件', '全面推进课后服务提质增效']));
    expect(result).toMatchObject({ kind: 'docx', status: 'ok' });
    expect(result.text).toContain('全面推进课后服务提质增效');
  });

  it('DOC (Word 97) and the same file marked as WPS, through word-extractor', async () => {
    const doc = committed('notice-word97.doc');
    for (const bytes of [doc, withOleStream(doc, 'WpsCustomData')]) {
      const result = await readHere(bytes);
      expect(result.status).toBe('ok');
      expect(result.text).toContain(committedPhrases['notice-word97.doc']);
    }
  });

  it('XLSX and XLS (BIFF8) through SheetJS: sheet name, then tab-separated rows', async () => {
    const xlsx = await readHere(
      makeXlsx('名单', [
        ['序号', '学校'],
        ['1', '示例区城南幼儿园'],
      ]),
    );
    expect(xlsx).toMatchObject({ kind: 'xlsx', status: 'ok', text: '名单\n序号\t学校\n1\t示例区城南幼儿园' });
    const xls = await readHere(committed('schools-biff8.xls'));
    expect(xls).toMatchObject({ kind: 'xls', status: 'ok' });
    expect(xls.text).toContain(`2\t示例区第二中学\t${committedPhrases['schools-biff8.xls']}`);
  });

  it("ET (XLS with Kingsoft's marker stream) reads like XLS", async () => {
    const result = await readHere(withOleStream(committed('schools-biff8.xls'), 'ETExtData'));
    expect(result).toMatchObject({ kind: 'et', mediaType: 'application/wps-office.et', status: 'ok' });
    expect(result.text).toContain(committedPhrases['schools-biff8.xls']);
  });

  it('RAR, 7z and other files are identified, ok, with no text', async () => {
    const rar = new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 1, 2, 3]);
    expect(await readHere(rar)).toEqual({ kind: 'rar', mediaType: 'application/vnd.rar', status: 'ok', text: '', textLength: 0 });
    const other = await readHere(new TextEncoder().encode('<html>404</html>'));
    expect(other).toMatchObject({ kind: 'other', status: 'ok', text: '' });
  });

  it('OFD: TextCode of every page, in reading order whatever order the objects are written in', async () => {
    const result = await readHere(
      makeOfd([
        [
          { x: 20, y: 40, text: '第二行：落实“双减”要求。' },
          { x: 20, y: 20, text: '示例区教育局通告' },
          { x: 120, y: 60, text: '右' },
          { x: 20, y: 60, text: '左' },
        ],
        [{ x: 20, y: 20, text: '第二页正文' }],
      ]),
    );
    expect(result).toMatchObject({ kind: 'ofd', status: 'ok' });
    expect(result.text).toBe('示例区教育局通告\n第二行：落实“双减”要求。\n左 右\n\n第二页正文');
  });
});
