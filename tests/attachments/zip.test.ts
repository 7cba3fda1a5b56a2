import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { committed, committedPhrases } from './helpers/committed.js';
import { makeDocx, makeOfd } from './helpers/office-writers.js';
import { cidFontPdf, corruptPdf } from './helpers/pdf-writer.js';
import { readHere } from './helpers/read.js';
import { makeZip } from './helpers/zip-writer.js';

describe('ZIP: list the members, read them one level deep', () => {
  it('reads each member of a readable kind and prefixes its text with the member name', async () => {
    const zip = makeZip([
      { name: '附件1 工作方案.docx', data: makeDocx(['推进学区化集团化办学']) },
      { name: '附件2 资助名单.pdf', data: cidFontPdf(['资助对象名单公示']) },
      { name: '附件3 通告.ofd', data: makeOfd([[{ x: 20, y: 20, text: '暂停线下培训的通告' }]]) },
      { name: '附件4.doc', data: committed('notice-word97.doc') },
      { name: '说明/', data: '' },
      { name: '说明/readme.txt', data: 'plain text is listed, not read' },
    ]);
    const result = await readHere(zip);
    expect(result).toMatchObject({ kind: 'zip', status: 'ok' });
    expect(result.text).toContain('附件1 工作方案.docx\n推进学区化集团化办学');
    expect(result.text).toContain('附件2 资助名单.pdf\n资助对象名单公示');
    expect(result.text).toContain('暂停线下培训的通告');
    expect(result.text).toContain(committedPhrases['notice-word97.doc']);
    expect(result.members?.map((m) => [m.name, m.kind, m.status])).toEqual([
      ['附件1 工作方案.docx', 'docx', 'ok'],
      ['附件2 资助名单.pdf', 'pdf', 'ok'],
      ['附件3 通告.ofd', 'ofd', 'ok'],
      ['附件4.doc', 'doc', 'ok'],
      ['说明/readme.txt', 'other', 'skipped'],
    ]);
    expect(result.members?.[1]).toMatchObject({ textLayer: true, textLength: 8 });
  });

  it('decodes GBK member names written without the UTF-8 flag (Chinese Windows zip tools)', async () => {
    const gbkName = iconv.encode('关于印发工作要点的通知.docx', 'gbk');
    const result = await readHere(makeZip([{ name: new Uint8Array(gbkName), data: makeDocx(['工作要点正文']) }]));
    expect(result.members?.[0]?.name).toBe('关于印发工作要点的通知.docx');
    expect(result.text).toContain('关于印发工作要点的通知.docx\n工作要点正文');
  });

  it('decodes unflagged UTF-8 names (macOS Archive Utility) as UTF-8, not as GBK', async () => {
    const utf8Name = new TextEncoder().encode('附件：名单.txt');
    const result = await readHere(makeZip([{ name: utf8Name, data: 'x' }]));
    expect(result.members?.[0]?.name).toBe('附件：名单.txt');
  });

  it('prefers the Info-ZIP Unicode Path field, unless its CRC shows it is stale', async () => {
    const headerName = Buffer.from('old-name.txt');
    const unicodePath = (crcOf: Buffer, name: string) => {
      const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(name, 'utf8')]);
      data.writeUInt32LE(crc32(crcOf), 1);
      const field = Buffer.alloc(4);
      field.writeUInt16LE(0x7075, 0);
      field.writeUInt16LE(data.length, 2);
      return Buffer.concat([field, data]);
    };
    const result = await readHere(
      makeZip([
        { name: new Uint8Array(headerName), data: 'x', extra: unicodePath(headerName, '招生简章.txt') },
        { name: new Uint8Array(headerName), data: 'x', extra: unicodePath(Buffer.from('renamed'), '旧名称.txt') },
      ]),
    );
    expect(result.members?.map((m) => m.name)).toEqual(['招生简章.txt', 'old-name.txt']);
  });

  it('an encrypted member is listed as failed/encrypted and the rest is read', async () => {
    const result = await readHere(
      makeZip([
        { name: 'secret.docx', data: makeDocx(['加密']), encrypted: true },
        { name: 'open.docx', data: makeDocx(['公开的附件']) },
      ]),
    );
    expect(result.status).toBe('ok');
    expect(result.members?.[0]).toMatchObject({ name: 'secret.docx', status: 'failed', error: 'ZIP member "secret.docx" is encrypted' });
    expect(result.text).toContain('公开的附件');
  });

  it('lists a ZIP inside the ZIP without opening it', async () => {
    const inner = makeZip([{ name: 'deep.docx', data: makeDocx(['不应读到的内层文字']) }]);
    const result = await readHere(makeZip([{ name: 'inner.zip', data: inner }]));
    expect(result.members).toEqual([expect.objectContaining({ name: 'inner.zip', kind: 'zip', status: 'skipped' })]);
    expect(result.text).not.toContain('不应读到的内层文字');
  });

  it('a damaged member fails alone: the ZIP and its other members are still read', async () => {
    const result = await readHere(
      makeZip([
        { name: 'broken.pdf', data: corruptPdf() },
        { name: 'good.docx', data: makeDocx(['完好的附件正文']) },
      ]),
    );
    expect(result.status).toBe('ok');
    expect(result.members?.[0]).toMatchObject({ name: 'broken.pdf', status: 'failed', error: expect.stringContaining('PDF') });
    expect(result.members?.[1]).toMatchObject({ name: 'good.docx', status: 'ok' });
    expect(result.text).toContain('完好的附件正文');
  });

  it('stops listing at maxZipMembers and says the result is truncated', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    const result = await readHere(makeZip(entries), { maxZipMembers: 5 });
    expect(result.members).toHaveLength(5);
    expect(result.truncated).toBe(true);
  });
});
