/**
 * Hand-built PDFs for tests: a PDF is numbered objects plus a byte-offset table, so the cases the readers
 * must handle are written directly: text in the non-embedded Adobe-GB1 CID font STSong-Light (readable
 * only with pdf.js's predefined CMaps), a page with an image and no text (a scan), a damaged file, and a
 * content stream that inflates far beyond its size (a PDF bomb).
 */
import { deflateSync } from 'node:zlib';

type PdfObject = string | { dictionary: string; stream: Buffer };

export function makePdf(objects: PdfObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n${object.dictionary.replace('%LENGTH%', String(object.stream.length))}\nstream\n`, 'latin1'),
            object.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const catalogAndPages = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/** Lines of Chinese text in STSong-Light (UniGB-UCS2-H), the font not embedded. */
export function cidFontPdf(lines: string[]): Uint8Array {
  const shows = lines.map((line, i) => `${i === 0 ? '' : '0 -28 Td '}<${Buffer.from(line, 'utf16le').swap16().toString('hex')}> Tj`);
  const content = Buffer.from(`BT /F1 18 Tf 72 760 Td ${shows.join(' ')} ET`, 'latin1');
  return makePdf([
    ...catalogAndPages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    { dictionary: '<< /Length %LENGTH% >>', stream: content },
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
      '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** One page showing a small grey image and no text at all, like a scanned page. */
export function imageOnlyPdf(): Uint8Array {
  const pixels = Buffer.alloc(16 * 16, 0x80);
  return makePdf([
    ...catalogAndPages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    {
      dictionary: '<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %LENGTH% >>',
      stream: deflateSync(pixels),
    },
    { dictionary: '<< /Length %LENGTH% >>', stream: Buffer.from('q 400 0 0 400 97 300 cm /Im1 Do Q', 'latin1') },
  ]);
}

/** A header and the start of an object, then garbage: what a download cut off mid-way looks like, damaged. */
export function corruptPdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n\x00\xff\xfe garbage ]] >> >> endobj trailer <<', 'latin1'));
}

/** A content stream of `inflatedBytes` spaces, deflated to a tiny fraction of that. */
export function flateBombPdf(inflatedBytes: number): Uint8Array {
  const compressed = deflateSync(Buffer.alloc(inflatedBytes, 0x20), { level: 9 });
  return makePdf([
    ...catalogAndPages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    { dictionary: '<< /Filter /FlateDecode /Length %LENGTH% >>', stream: compressed },
  ]);
}
