import { describe, expect, it } from 'vitest';
import { identify } from '../../src/attachments/index.js';
import { committed } from './helpers/committed.js';
import { makeDocx, makeOfd, makeXlsx, withOleStream } from './helpers/office-writers.js';
import { cidFontPdf, corruptPdf } from './helpers/pdf-writer.js';
import { makeZip } from './helpers/zip-writer.js';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array<number>(64).fill(0)]);

describe('identify: by content, never by name', () => {
  it('tells the office containers apart by what is inside them', () => {
    expect(identify(makeDocx(['正文']))).toEqual({
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(identify(makeXlsx('表', [['甲']])).kind).toBe('xlsx');
    expect(identify(makeOfd([[{ x: 20, y: 20, text: '通告' }]]))).toEqual({ kind: 'ofd', mediaType: 'application/ofd' });
    expect(identify(makeZip([{ name: 'a.txt', data: 'x' }]))).toEqual({ kind: 'zip', mediaType: 'application/zip' });
  });

  it('tells Word, Excel and Kingsoft WPS/ET apart by their OLE2 streams', () => {
    const doc = committed('notice-word97.doc');
    const xls = committed('schools-biff8.xls');
    expect(identify(doc)).toEqual({ kind: 'doc', mediaType: 'application/msword' });
    expect(identify(xls)).toEqual({ kind: 'xls', mediaType: 'application/vnd.ms-excel' });
    expect(identify(withOleStream(doc, 'WpsCustomData'))).toEqual({ kind: 'wps', mediaType: 'application/wps-office.wps' });
    expect(identify(withOleStream(xls, 'ETExtData'))).toEqual({ kind: 'et', mediaType: 'application/wps-office.et' });
  });

  it('finds a PDF header even behind leading junk, and a damaged PDF is still a PDF', () => {
    const padded = new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, ...cidFontPdf(['标题'])]);
    expect(identify(padded).kind).toBe('pdf');
    expect(identify(corruptPdf()).kind).toBe('pdf');
  });

  it('recognises archives and images by magic number', () => {
    expect(identify(bytes(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00))).toEqual({ kind: 'rar', mediaType: 'application/vnd.rar' });
    expect(identify(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)).kind).toBe('7z');
    expect(identify(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)).mediaType).toBe('image/png');
    expect(identify(bytes(0xff, 0xd8, 0xff, 0xe0)).mediaType).toBe('image/jpeg');
    expect(identify(bytes(...Buffer.from('GIF89a'))).mediaType).toBe('image/gif');
    expect(identify(bytes(0x49, 0x49, 0x2a, 0x00)).mediaType).toBe('image/tiff');
    expect(identify(bytes(...Buffer.from('RIFF\x00\x00\x00\x00WEBP', 'latin1'))).mediaType).toBe('image/webp');
    const bmp = bytes(0x42, 0x4d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0);
    expect(identify(bmp).mediaType).toBe('image/bmp');
  });

  it('calls text, HTML error pages and empty input "other", including text that starts with BM', () => {
    expect(identify(new Uint8Array(0))).toEqual({ kind: 'other', mediaType: 'application/octet-stream' });
    expect(identify(new TextEncoder().encode('<html><body>404 文件不存在</body></html>')).kind).toBe('other');
    expect(identify(new TextEncoder().encode('BMW annual report, plain text of some length')).kind).toBe('other');
  });

  it('does not throw on damaged containers: a truncated OLE2 or ZIP is named by its magic alone', () => {
    const doc = committed('notice-word97.doc');
    expect(identify(doc.subarray(0, 600)).kind).toBe('ole2');
    const docx = makeDocx(['正文']);
    expect(identify(docx.subarray(0, 40)).kind).toBe('zip');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    expect(identify(garbage).kind).toBe('ole2');
  });
});
