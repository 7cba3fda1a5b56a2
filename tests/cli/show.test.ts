/**
 * `show` (in process, src/cli/run.ts): the compiled CLI runs it in tests/pipeline/demo-command.process.test.ts
 * (exit 0) and tests/cli/exit-codes.process.test.ts (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

const URL_A = 'http://127.0.0.1/alpha/art_1001_3001.html';
const PROVENANCE = { title: 'meta:ArticleTitle', 'fields.indexNo': 'table:two-column', 'fields.publisher': 'table:two-column', text: 'marker:ZJEG_RSS' };

let store: TestArchive;
let id: string;

beforeAll(() => {
  store = openTestArchive();
  const spec = {
    title: '2021年无锡市滨湖区教育局工作要点',
    publishedDate: '2021-02-18',
    fields: { indexNo: '014028901/2021-00544', publisher: '无锡市滨湖区教育局' },
    labels: { 信息索引号: '014028901/2021-00544', 公开方式: '主动公开' },
    attachments: [{ url: 'http://127.0.0.1/downfile.jsp?filename=x.pdf', name: 'x.pdf' }],
    provenance: PROVENANCE,
  };
  store.record(snapshot(URL_A, { ...spec, text: '第一版：坚持立德树人。' }));
  store.record(snapshot(URL_A, { ...spec, text: '第二版：坚持立德树人。\n新增一段。' }));
  id = store.db.prepare('SELECT id FROM documents WHERE url = ?').pluck().get(URL_A) as string;
});
afterAll(() => store.close());

describe('show', () => {
  it('prints the latest version for a terminal: facts, fields with the rule that found them, labels, attachments, text', async () => {
    const result = await runCliInProcess(['show', id, '--config', store.configPath]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.startsWith(`2021年无锡市滨湖区教育局工作要点\n${URL_A}\n`)).toBe(true);
    expect(out).toContain(`id           ${id}`);
    expect(out).toContain('version      2 of 2 (latest)');
    expect(out).toContain('published    2021-02-18');
    expect(out).toMatch(/indexNo\s+table:two-column\s+014028901\/2021-00544/);
    expect(out).toMatch(/公开方式\s+主动公开/);
    expect(out).toContain('  x.pdf  http://127.0.0.1/downfile.jsp?filename=x.pdf');
    expect(out.trimEnd().endsWith('第二版：坚持立德树人。\n新增一段。')).toBe(true);
  });

  it('finds a document by URL, also a pasted one with a fragment, and shows an older version', async () => {
    const result = await runCliInProcess(['show', `${URL_A}#content`, '--version', '1', '--config', store.configPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('version      1 of 2\n');
    expect(result.stdout).toContain('第一版：坚持立德树人。');
    expect(result.stdout).not.toContain('第二版');
  });

  it('prints the contract record with --json, provenance under an extra key', async () => {
    const result = await runCliInProcess(['show', URL_A, '--json', '--config', store.configPath]);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(record).toMatchObject({
      id,
      source: 'alpha',
      url: URL_A,
      title: '2021年无锡市滨湖区教育局工作要点',
      publishedDate: '2021-02-18',
      fields: { indexNo: '014028901/2021-00544', publisher: '无锡市滨湖区教育局' },
      labels: { 信息索引号: '014028901/2021-00544', 公开方式: '主动公开' },
      text: '第二版：坚持立德树人。\n新增一段。',
      version: 2,
      status: 'active',
      duplicateOf: null,
      provenance: PROVENANCE,
    });
    expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const older = JSON.parse((await runCliInProcess(['show', id, '--json', '--version', '1', '--config', store.configPath])).stdout) as {
      version: number;
      text: string;
    };
    expect([older.version, older.text]).toEqual([1, '第一版：坚持立德树人。']);
  });

  it('says what is wrong, exit 2 (as diff does): unknown document, missing version, malformed version', async () => {
    const unknown = await runCliInProcess(['show', 'http://127.0.0.1/nowhere.html', '--config', store.configPath]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no document with id or URL "http://127.0.0.1/nowhere.html"');
    const missing = await runCliInProcess(['show', id, '--version', '7', '--config', store.configPath]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`document ${id} has versions 1 to 2: there is no version 7`);
    const malformed = await runCliInProcess(['show', id, '--version', 'latest', '--config', store.configPath]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--version expects a positive integer, got "latest"');
  });
});
