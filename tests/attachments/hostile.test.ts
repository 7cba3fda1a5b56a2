import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeXlsx } from './helpers/office-writers.js';
import { corruptPdf, flateBombPdf } from './helpers/pdf-writer.js';
import { readHere } from './helpers/read.js';
import { makeZip } from './helpers/zip-writer.js';

const megabyte = 1024 * 1024;

describe('hostile and damaged files fail alone, with a typed reason and a clear message', () => {
  it('a corrupt PDF is failed/malformed, naming the format', async () => {
    const result = await readHere(corruptPdf());
    expect(result).toMatchObject({ kind: 'pdf', status: 'failed', failure: 'malformed', text: '', textLength: 0 });
    expect(result.error).toMatch(/^expected a readable PDF, got: /);
  });

  it('a ZIP bomb stops at the inflate cap, counting the bytes actually inflated', async () => {
    const bomb = makeZip([{ name: 'zeros.bin', data: new Uint8Array(8 * megabyte) }]);
    expect(bomb.length).toBeLessThan(20_000);
    const result = await readHere(bomb, { maxDecompressedBytes: megabyte });
    expect(result).toMatchObject({ kind: 'zip', status: 'failed', failure: 'too-large' });
    expect(result.error).toContain(`expected at most ${megabyte} inflated bytes`);
  });

  it('a member whose header understates its inflated size is refused, not over-read', async () => {
    const liar = { name: 'word/document.xml', data: new Uint8Array(4 * megabyte), declaredSize: 100 };
    const zip = await readHere(
      makeZip([
        { ...liar, name: 'a.bin' },
        { name: 'b.docx', data: makeDocx(['旁边的正文']) },
      ]),
    );
    expect(zip.status).toBe('ok');
    expect(zip.members?.[0]).toMatchObject({ name: 'a.bin', status: 'failed', error: expect.stringMatching(/too many bytes/i) });
    expect(zip.text).toContain('旁边的正文');
    const docx = await readHere(makeZip([...unzipParts(makeDocx(['正文'])).filter((p) => !p.name.startsWith('word/')), liar]));
    expect(docx).toMatchObject({ kind: 'docx', status: 'failed', failure: 'malformed' });
  });

  it('many small members add up against the same budget', async () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `part${i}.bin`, data: new Uint8Array(megabyte / 2) }));
    const result = await readHere(makeZip(entries), { maxDecompressedBytes: 3 * megabyte });
    expect(result).toMatchObject({ status: 'failed', failure: 'too-large' });
  });

  it('a DOCX or XLSX dressed around a zip bomb fails before the office library unzips it', async () => {
    const padding = { name: 'word/media/padding.bin', data: new Uint8Array(8 * megabyte) };
    const docx = makeZip([...unzipParts(makeDocx(['正文'])), padding]);
    expect((await readHere(docx, { maxDecompressedBytes: megabyte })).failure).toBe('too-large');
    const xlsx = makeZip([...unzipParts(makeXlsx('表', [['甲']])), { ...padding, name: 'xl/media/padding.bin' }]);
    const result = await readHere(xlsx, { maxDecompressedBytes: megabyte });
    expect(result).toMatchObject({ kind: 'xlsx', status: 'failed', failure: 'too-large' });
  });

  it('a PDF bomb (a content stream inflating 1000×) fails as too-large before pdf.js inflates it', async () => {
    const bomb = flateBombPdf(16 * megabyte);
    expect(bomb.length).toBeLessThan(40_000);
    const result = await readHere(bomb, { maxDecompressedBytes: 4 * megabyte });
    expect(result).toMatchObject({ kind: 'pdf', status: 'failed', failure: 'too-large' });
    expect(result.error).toContain('PDF bomb');
  });

  it('an OFD part with a DOCTYPE (entity expansion) is refused', async () => {
    const ofd = makeZip([
      {
        name: 'OFD.xml',
        data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ofd:OFD xmlns:ofd="o"><ofd:DocBody><ofd:DocRoot>&a;</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
      },
    ]);
    const result = await readHere(ofd);
    expect(result).toMatchObject({ kind: 'ofd', status: 'failed', failure: 'malformed' });
    expect(result.error).toContain('DOCTYPE');
  });

  it('an OFD that points at a missing page says which part it expected', async () => {
    const ofd = makeZip([
      { name: 'OFD.xml', data: '<ofd:OFD xmlns:ofd="o"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' },
      {
        name: 'Doc_0/Document.xml',
        data: '<ofd:Document xmlns:ofd="o"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
      },
    ]);
    const result = await readHere(ofd);
    expect(result).toMatchObject({ status: 'failed', failure: 'malformed' });
    expect(result.error).toBe('expected OFD part "Doc_0/Pages/Page_0/Content.xml", the package has none');
  });

  it('text beyond maxTextChars is cut and marked truncated', async () => {
    const result = await readHere(makeDocx(['甲'.repeat(500), '乙'.repeat(500)]), { maxTextChars: 600 });
    expect(result).toMatchObject({ status: 'ok', truncated: true, textLength: 600 });
  });
});

/** The parts of a generated ZIP, to rebuild it with extra members. */
function unzipParts(zip: Uint8Array): { name: string; data: Uint8Array }[] {
  const parts: { name: string; data: Uint8Array }[] = [];
  const buffer = Buffer.from(zip);
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const compressed = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const name = buffer.toString('utf8', at + 30, at + 30 + nameLength);
    const body = buffer.subarray(at + 30 + nameLength, at + 30 + nameLength + compressed);
    parts.push({ name, data: inflateRawSync(body) });
    at += 30 + nameLength + compressed;
  }
  return parts;
}
