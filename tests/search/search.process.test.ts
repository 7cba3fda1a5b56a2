import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

const CONTRACT_KEYS = [
  'id',
  'source',
  'url',
  'title',
  'publishedDate',
  'fields',
  'labels',
  'text',
  'attachments',
  'version',
  'contentHash',
  'status',
  'firstSeenAt',
  'lastChangedAt',
  'duplicateOf',
];

const URL_A = 'http://127.0.0.1/alpha/shuangjian.html';
const URL_B = 'http://127.0.0.1/alpha/zhaosheng.html';
const URL_C = 'http://127.0.0.1/beta/dudao.html';
const URL_D = 'http://127.0.0.1/beta/operators.html';
const URL_REMOVED = 'http://127.0.0.1/alpha/old-zhaosheng.html';
const URL_UPDATED = 'http://127.0.0.1/beta/updated.html';

// One archive for the whole file: the queries only read it.
let store: TestArchive;
let ids: Record<string, string>;

beforeAll(() => {
  store = openTestArchive();
  store.record(
    snapshot(URL_A, {
      title: '关于落实双减政策的通知',
      text: '全区中小学落实减负要求，减轻学生作业负担，办好人民满意的教育。',
      publishedDate: '2021-09-01',
      fields: { publisher: '某某区教育局', validity: '有效' },
    }),
  );
  store.record(
    snapshot(URL_B, {
      title: '2024年秋季招生工作方案',
      text: '做好义务教育招生入学工作。',
      publishedDate: '2024-06-01',
      fields: { publisher: '某某区教育局' },
    }),
  );
  store.record(
    snapshot(URL_C, {
      source: 'beta',
      title: '教育督导工作要点',
      text: '开展督导评估。双减督导是今年的重点。',
      publishedDate: '2023-03-01',
      fields: { publisher: '另一区教育局' },
    }),
  );
  store.record(
    snapshot(URL_D, {
      source: 'beta',
      title: 'Hello NEAR(world) "quoted" title',
      text: 'literal a*b OR c, 100% done_now; path\\to -x ^y {col}: end',
    }),
  );
  store.record(snapshot(URL_REMOVED, { title: '2019年招生简章', text: '往年的招生信息。' }));
  store.missing(URL_REMOVED);
  store.missing(URL_REMOVED);
  store.record(
    snapshot(URL_UPDATED, { source: 'beta', title: '通知', text: '旧版本含有独特词语甲乙丙。', publishedDate: '2020-01-01', fields: { validity: '有效' } }),
  );
  store.record(
    snapshot(URL_UPDATED, { source: 'beta', title: '通知', text: '新版本的文字完全不同。', publishedDate: '2024-05-01', fields: { validity: '失效' } }),
  );
  ids = Object.fromEntries((store.db.prepare('SELECT url, id FROM documents').all() as { url: string; id: string }[]).map((row) => [row.url, row.id]));
});
afterAll(() => store.close());

describe('search command', () => {
  it('prints contract records with --json for a 2-character query', async () => {
    const result = await runCli(['search', '双减', '--json', '--config', store.configPath]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(records.map((record) => record.id)).toEqual([ids[URL_A], ids[URL_C]]);
    for (const record of records) {
      for (const key of CONTRACT_KEYS) expect(record).toHaveProperty(key);
      expect(record.snippet).toContain('[双减]');
    }
    expect(records[0]).toMatchObject({ source: 'alpha', title: '关于落实双减政策的通知', publishedDate: '2021-09-01', status: 'active', version: 1 });
  });

  it('prints ranked, highlighted results for people and honours the filters', async () => {
    const result = await runCli([
      'search',
      '招生',
      '--source',
      'alpha',
      '--since',
      '2020-01-01',
      '--field',
      'publisher=某某区教育局',
      '--config',
      store.configPath,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1. 2024年秋季招生工作方案  (alpha · 2024-06-01 · v1)');
    expect(result.stdout).toContain('做好义务教育[招生]入学工作。');
    expect(result.stdout).toContain('1 document found');
  });

  it('takes hostile queries after -- and answers with a JSON array', async () => {
    const result = await runCli(['search', '--json', '--config', store.configPath, '--', '-NEAR("双减"', 'OR', '*)^']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).not.toMatch(/syntax|fts5/i);
  });

  it('rejects malformed filters with exit 2 and a message naming the option', async () => {
    const since = await runCli(['search', '双减', '--since', '2021/01/01', '--config', store.configPath]);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since expects a date as YYYY-MM-DD, got "2021/01/01"');
    const field = await runCli(['search', '双减', '--field', 'no-equals-sign', '--config', store.configPath]);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('--field expects key=value');
  });
});
