import { afterAll, describe, expect, it } from 'vitest';
import { createAttachmentReader, readAttachment } from '../../src/attachments/index.js';
import { makeDocx, makeOfd } from './helpers/office-writers.js';
import { cidFontPdf, corruptPdf } from './helpers/pdf-writer.js';

// These run the real worker from the TypeScript sources (the tsx shim in worker/spawn.ts);
// compiled.test.ts runs it from compiled JavaScript.
const reader = createAttachmentReader();
afterAll(() => reader.close());

describe('reading in a worker thread', () => {
  it('reads a file in a worker and leaves the caller’s bytes intact', async () => {
    const bytes = Buffer.from(cidFontPdf(['示例区招生入学政策问答']));
    const copy = Buffer.from(bytes);
    const result = await reader.read(bytes);
    expect(result).toMatchObject({ kind: 'pdf', status: 'ok', textLayer: true, text: '示例区招生入学政策问答' });
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes.equals(copy)).toBe(true);
  });

  it('a failed file fails alone: the same reader goes on to read the next file', async () => {
    const failed = await reader.read(corruptPdf());
    expect(failed).toMatchObject({ status: 'failed', failure: 'malformed' });
    const next = await reader.read(makeOfd([[{ x: 10, y: 10, text: '下一份附件照常读取' }]]));
    expect(next).toMatchObject({ kind: 'ofd', status: 'ok', text: '下一份附件照常读取' });
  });

  it('concurrent reads each get a worker and each get their own answer', async () => {
    const texts = ['第一份并发读取', '第二份并发读取', '第三份并发读取'];
    const results = await Promise.all(texts.map((text) => reader.read(makeDocx([text]))));
    expect(results.map((r) => r.text)).toEqual(texts);
  });

  it('a read past its time cap is stopped and reported as a timeout, promptly', async () => {
    const started = Date.now();
    const result = await readAttachment(cidFontPdf(['超时']), { timeoutMs: 20 });
    expect(result).toMatchObject({ kind: 'pdf', status: 'failed', failure: 'timeout', text: '' });
    expect(result.error).toBe('expected the read to finish within 20 ms, it was still running and was stopped');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a read that needs more heap than its cap is stopped as out-of-memory; a small file fits the same cap', async () => {
    const paragraphs = Array.from({ length: 150_000 }, (_, i) => `第${i}段 示例文字示例文字示例文字`);
    const heavy = await readAttachment(makeDocx(paragraphs), { maxHeapMb: 32, timeoutMs: 60_000 });
    expect(heavy).toMatchObject({ kind: 'docx', status: 'failed', failure: 'out-of-memory' });
    expect(heavy.error).toBe('expected the read to fit in 32 MB of heap, it needed more and was stopped');
    const light = await readAttachment(makeDocx(['小文件']), { maxHeapMb: 32, timeoutMs: 60_000 });
    expect(light).toMatchObject({ status: 'ok', text: '小文件' });
  });

  it('rejects a nonsensical limit at once instead of reading without one', async () => {
    await expect(reader.read(makeDocx(['x']), { timeoutMs: -1 })).rejects.toThrow('expected attachment limit timeoutMs to be a positive number, got -1');
  });
});
