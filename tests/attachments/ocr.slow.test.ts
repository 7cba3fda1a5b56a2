import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createAttachmentReader, readAttachment } from '../../src/attachments/index.js';
import { imageSize } from '../../src/attachments/sniff/image-size.js';
import { tempDir } from '../helpers/temp.js';
import { cidFontPdf, imageOnlyPdf, makePdf } from './helpers/pdf-writer.js';

const hasTool = (command: string, flag: string) => spawnSync(command, [flag]).status === 0;
const ocrInstalled = hasTool('tesseract', '--version') && hasTool('pdftoppm', '-v');
// One warm worker for the OCR cases (OCR is on by default); the PATH case needs a fresh one.
const reader = createAttachmentReader({ defaults: { timeoutMs: 120_000 } });
afterAll(() => reader.close());

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
    const result = await reader.read(scan);
    expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: false, ocr: true });
    expect(result.text).toContain('课后服务');
  });

  it.skipIf(!ocrInstalled)('an image attachment is OCRed; one claiming a huge canvas is not', async () => {
    const png = renderPage(cidFontPdf(['示例区中小学课后服务收费标准']), 'png');
    const result = await reader.read(png);
    expect(result).toMatchObject({ kind: 'image', mediaType: 'image/png', status: 'ok', ocr: true });
    expect(result.text).toContain('课后服务');
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(50_000, 16); // IHDR width
    bomb.writeUInt32BE(50_000, 20); // IHDR height
    const refused = await reader.read(bomb);
    expect(refused).toMatchObject({ kind: 'image', status: 'ok', text: '' });
    expect(refused.ocr).toBeUndefined();
  });
});

describe('image sizes read from headers (what the OCR size guard relies on)', () => {
  it('reads PNG, GIF, BMP and JPEG dimensions, and gives up on unknown or damaged headers', () => {
    const png = Buffer.alloc(24);
    png.set([0x89, 0x50, 0x4e, 0x47], 0);
    png.writeUInt32BE(1240, 16);
    png.writeUInt32BE(1754, 20);
    expect(imageSize(png)).toEqual({ width: 1240, height: 1754 });
    const gif = Buffer.from('GIF89a\x10\x00\x20\x00', 'latin1');
    expect(imageSize(gif)).toEqual({ width: 16, height: 32 });
    const bmp = Buffer.alloc(26);
    bmp.write('BM', 0, 'latin1');
    bmp.writeInt32LE(640, 18);
    bmp.writeInt32LE(-480, 22); // top-down bitmaps store a negative height
    expect(imageSize(bmp)).toEqual({ width: 640, height: 480 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03]);
    expect(imageSize(jpeg)).toEqual({ width: 800, height: 600 });
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]))).toBeUndefined();
    expect(imageSize(Buffer.from('II*\x00', 'latin1'))).toBeUndefined();
  });
});

/** Renders page 1 of a PDF with pdftoppm: 'png' bytes, or 'pgm' (binary grey pixels with a header). */
function renderPage(source: Uint8Array, format: 'png' | 'pgm'): Buffer {
  const dir = tempDir();
  writeFileSync(join(dir, 'source.pdf'), source);
  const flags = format === 'png' ? ['-png'] : [];
  execFileSync('pdftoppm', ['-r', '150', '-gray', ...flags, '-singlefile', join(dir, 'source.pdf'), join(dir, 'page')]);
  return readFileSync(join(dir, `page.${format}`));
}

/** Renders a PDF page to grey pixels with pdftoppm and wraps them as the only content of a new PDF. */
function scannedPdf(source: Uint8Array): Uint8Array {
  const pgm = renderPage(source, 'pgm');
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
