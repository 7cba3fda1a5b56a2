import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CONTRACT_RECORD_KEYS } from '../helpers/contract.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { setSearchIndexing } from '../../src/store/sql-functions.js';
import { openSearchArchive, URL_A, URL_C } from './search-archive.js';

// One archive for the whole file: the queries only read it.
let store: TestArchive;
let ids: Record<string, string>;

beforeAll(() => {
  ({ store, ids } = openSearchArchive());
});
afterAll(() => store.close());

describe('search command', () => {
  it('prints contract records with --json for a 2-character query', async () => {
    const result = await runCli(['search', '双减', '--json', '--config', store.configPath]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(records.map((record) => record.id)).toEqual([ids[URL_A], ids[URL_C]]);
    for (const record of records) {
      for (const key of CONTRACT_RECORD_KEYS) expect(record).toHaveProperty(key);
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

  it('says how many stored documents a crawl that did not finish left unindexed, and finds the others', async () => {
    const test = openTestArchive();
    test.record(snapshot('http://127.0.0.1/alpha/indexed.html', { title: '通知', text: '已经索引的检索词语。' }));
    setSearchIndexing(test.db, 'deferred'); // as a crawl killed before its indexer caught up leaves them
    for (const n of [1, 2]) test.record(snapshot(`http://127.0.0.1/alpha/due${n}.html`, { title: '通知', text: '尚未索引的检索词语。' }));
    const result = await runCli(['search', '检索词语', '--config', test.configPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/alpha/indexed.html');
    expect(result.stdout).not.toContain('/alpha/due');
    expect(result.stderr).toContain('2 document(s) stored by a crawl that did not finish are not in the search index yet: the next crawl indexes them');
  });
});
