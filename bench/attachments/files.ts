/**
 * The benchmark's files, one per type, generated the same way every run (the DOC is the committed test
 * fixture, since nothing here writes Word 97). Sizes are those of typical bureau attachments: a 20-page
 * plan as PDF, a long DOCX notice, a 5,000-row school list as XLSX and XLS, a 30-page OFD, a ZIP bundle.
 */
import { createRequire } from 'node:module';
import { committed } from '../../tests/attachments/helpers/committed.js';
import { makeDocx, makeOfd, makeXlsx } from '../../tests/attachments/helpers/office-writers.js';
import { makePdf } from '../../tests/attachments/helpers/pdf-writer.js';
import { makeZip } from '../../tests/attachments/helpers/zip-writer.js';

export const benchTypes = ['pdf-cid', 'pdf-embedded', 'docx', 'doc', 'xlsx', 'xls', 'ofd', 'zip'] as const;
export type BenchType = (typeof benchTypes)[number];

const sentence = (i: number) => `第${i}条 各学校要落实立德树人根本任务，推进义务教育优质均衡发展，建设高质量教育体系。`;

export function benchFile(type: BenchType): Uint8Array {
  switch (type) {
    case 'pdf-cid':
      return cidPdf(20, 35);
    case 'pdf-embedded':
      return committed('embedded-cjk-subset.pdf');
    case 'docx':
      return makeDocx(Array.from({ length: 2_000 }, (_, i) => sentence(i)));
    case 'doc':
      return committed('notice-word97.doc');
    case 'xlsx':
      return makeXlsx('名单', schoolRows());
    case 'xls':
      return biff8(schoolRows());
    case 'ofd':
      return makeOfd(Array.from({ length: 30 }, (_, p) => Array.from({ length: 35 }, (_, l) => ({ x: 20, y: 20 + l * 7, text: sentence(p * 35 + l) }))));
    case 'zip':
      return makeZip([
        { name: '附件1 工作方案.docx', data: benchFile('docx') },
        { name: '附件2 名单.xlsx', data: benchFile('xlsx') },
        { name: '附件3 通告.ofd', data: benchFile('ofd') },
      ]);
  }
}

function schoolRows(): string[][] {
  return Array.from({ length: 5_000 }, (_, i) => [String(i + 1), `示例区第${i + 1}小学`, '书香校园', `2026-0${(i % 9) + 1}-15`]);
}

function biff8(rows: string[][]): Uint8Array {
  const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '名单');
  return new Uint8Array(XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}

/** A multi-page PDF in the non-embedded CID font STSong-Light (as cidFontPdf, with pages). */
function cidPdf(pages: number, linesPerPage: number): Uint8Array {
  const font = 3 + pages * 2;
  const kids = Array.from({ length: pages }, (_, p) => `${3 + p * 2} 0 R`).join(' ');
  const objects: Parameters<typeof makePdf>[0] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`];
  for (let p = 0; p < pages; p++) {
    const lines = Array.from(
      { length: linesPerPage },
      (_, l) =>
        `${l === 0 ? '' : '0 -20 Td '}<${Buffer.from(sentence(p * linesPerPage + l), 'utf16le')
          .swap16()
          .toString('hex')}> Tj`,
    );
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + p * 2} 0 R >>`);
    objects.push({ dictionary: '<< /Length %LENGTH% >>', stream: Buffer.from(`BT /F1 10 Tf 40 800 Td ${lines.join(' ')} ET`, 'latin1') });
  }
  objects.push(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${font + 1} 0 R] >>`);
  objects.push(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${font + 2} 0 R /DW 1000 >>`,
  );
  objects.push(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  return makePdf(objects);
}
