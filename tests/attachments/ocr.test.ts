import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAttachment } from '../../src/attachments/index.js';
import { tempDir } from '../helpers/temp.js';
import { cidFontPdf, imageOnlyPdf, makePdf } from './helpers/pdf-writer.js';

const hasTool = (command: string, flag: string) => spawnSync(command, [flag]).status === 0;
const ocrInstalled = hasTool('tesseract', '--version') && hasTool('pdftoppm', '-v');

describe('OCR through a system tesseract (optional)', () => {
  it('without tesseract on PATH, a scan stays textLayer false and the read is still ok', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = tempDir(); // a fresh worker copies the environment when it starts
    try {
      const result = await readAttachment(imageOnlyPdf(), { ocr: 'auto' });
      expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: false, text: '' });
      expect(result.ocr).toBeUndefined();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it.skipIf(!ocrInstalled)('a scanned page is OCRed when tesseract and pdftoppm are installed', async () => {
    const scan = scannedPdf(cidFontPdf(['示例区教育局关于开展课后服务的通知']));
    const result = await readAttachment(scan, { ocr: 'auto', timeoutMs: 120_000 });
    expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: false, ocr: true });
    expect(result.text).toContain('课后服务');
  });
});

/** Renders a PDF page to grey pixels with pdftoppm and wraps them as the only content of a new PDF. */
function scannedPdf(source: Uint8Array): Uint8Array {
  const dir = tempDir();
  writeFileSync(join(dir, 'source.pdf'), source);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', join(dir, 'source.pdf'), join(dir, 'page')]);
  const pgm = readFileSync(join(dir, 'page-1.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
  if (!header) throw new Error('expected a binary PGM from pdftoppm -gray');
  const [text, width, height] = header;
  const pixels = pgm.subarray(text.length);
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    {
      dictionary: `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %LENGTH% >>`,
      stream: deflateSync(pixels),
    },
    { dictionary: '<< /Length %LENGTH% >>', stream: Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q', 'latin1') },
  ]);
}
