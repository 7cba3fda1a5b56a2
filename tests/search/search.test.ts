import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSql } from '../../src/search/filters.js';
import { rankCandidates } from '../../src/search/rank.js';
import { searchDocuments } from '../../src/search/search.js';
import { migrate } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp.js';
import { insertOlderDocument, openOlderArchive } from '../helpers/older-archive.js';
import type { TestArchive } from '../helpers/archive.js';
import { openSearchArchive, URL_A, URL_B, URL_C, URL_D, URL_REMOVED, URL_UPDATED } from './search-archive.js';

// One archive for the whole file: the queries only read it.
let store: TestArchive;
let ids: Record<string, string>;

beforeAll(() => {
  ({ store, ids } = openSearchArchive());
});
afterAll(() => store.close());

const urlsOf = (query: string, options = {}) => searchDocuments(store.db, query, options).map((hit) => hit.record.url);

describe('search: short Chinese queries (bigram index)', () => {
  it('finds 2-character words in titles and texts, title matches first', () => {
    expect(urlsOf('双减')).toEqual([URL_A, URL_C]);
    expect(urlsOf('招生')).toEqual(expect.arrayContaining([URL_B, URL_REMOVED]));
    expect(urlsOf('招生')).toHaveLength(2);
    expect(urlsOf('督导')).toEqual([URL_C]);
  });

  it('finds 1-character queries', () => {
    expect(urlsOf('督')).toEqual([URL_C]);
    expect(urlsOf('负')).toEqual([URL_A]);
    expect(urlsOf('甲')).toEqual([]);
  });

  it('ANDs terms, mixing short and long ones', () => {
    expect(urlsOf('双减 督导')).toEqual([URL_C]);
    expect(urlsOf('双减 督导评估')).toEqual([URL_C]);
    expect(urlsOf('双减 招生')).toEqual([]);
  });

  it('treats a full-width space as a separator', () => {
    expect(urlsOf('双减\u3000督导')).toEqual([URL_C]);
  });
});

describe('search: longer queries (trigram index)', () => {
  it('finds substrings of 3+ characters, case-insensitively', () => {
    expect(urlsOf('工作要点')).toEqual([URL_C]);
    expect(urlsOf('hello near')).toEqual([URL_D]);
    expect(urlsOf('义务教育招生')).toEqual([URL_B]);
  });

  it('matches only where the characters are consecutive, in order', () => {
    expect(urlsOf('作要点')).toEqual([URL_C]);
    expect(urlsOf('督导评估')).toEqual([URL_C]);
    expect(urlsOf('评估督导')).toEqual([]);
    expect(urlsOf('督导双减')).toEqual([]);
    expect(urlsOf('减负要')).toEqual([URL_A]);
    expect(urlsOf('减要负')).toEqual([]);
  });

  it('searches the latest version only, removed documents included', () => {
    expect(urlsOf('甲乙丙')).toEqual([]);
    expect(urlsOf('新版本')).toEqual([URL_UPDATED]);
    const removed = searchDocuments(store.db, '招生简章');
    expect(removed.map((hit) => [hit.record.url, hit.record.status])).toEqual([[URL_REMOVED, 'removed']]);
  });

  it('marks every match in the snippet', () => {
    const [hit] = searchDocuments(store.db, '督导');
    expect(hit?.snippet).toBe('开展[督导]评估。双减[督导]是今年的重点。');
  });
});

describe('search: ranking', () => {
  it('puts documents whose title holds every term first, then the rest by bm25', () => {
    const hits = searchDocuments(store.db, '教育');
    expect(hits.map((hit) => hit.titleMatch)).toEqual([true, false, false]);
    expect(hits[0]!.record.url).toBe(URL_C);
  });

  it('past the candidate bound, ranks the newest matches and still lists title matches first', () => {
    const idOf = (url: string) => ids[url];
    // 教育 matches A, B, C (in archiving order); with room for 2 candidates the oldest text match, A, drops out.
    const rows = rankCandidates(store.db, 'bigram', '"教育"', filterSql({}), 20, 2);
    expect(rows.map((row) => [row.documentId, row.titleMatch])).toEqual([
      [idOf(URL_C), true],
      [idOf(URL_B), false],
    ]);
  });
});

describe('search: any input is safe', () => {
  const HOSTILE = [
    '"',
    '""',
    '"双减',
    '*',
    '双减*',
    'OR',
    'AND',
    'NOT',
    'NOT 双减',
    '双减 OR 招生',
    'NEAR(',
    'NEAR(双减 招生)',
    'NEAR(a b, 2)',
    '-双减',
    '^双减',
    '双减:',
    'title:双减',
    'text : 双减',
    '{title text}: 双减',
    '(',
    ')',
    '()',
    '\\',
    "'",
    '%',
    '_',
    '+',
    '-',
    '--',
    '"a" "b"',
    '""""',
    '*"*',
    '双"减',
    '🙂',
    '𠀀𠀁',
    'a\u0000b',
    'x'.repeat(2000),
    '双'.repeat(300),
    '\u200b',
    'é',
    '\uFFFD',
  ];

  it('runs every hostile query without error', () => {
    for (const query of HOSTILE) expect(() => searchDocuments(store.db, query), JSON.stringify(query)).not.toThrow();
  });

  it('finds operator characters literally', () => {
    expect(urlsOf('NEAR(world)')).toEqual([URL_D]);
    expect(urlsOf('"quoted"')).toEqual([URL_D]);
    expect(urlsOf('a*b')).toEqual([URL_D]);
    expect(urlsOf('{col}:')).toEqual([URL_D]);
    expect(urlsOf('100%')).toEqual([URL_D]);
    expect(urlsOf('path\\to')).toEqual([URL_D]);
    expect(urlsOf('OR c,')).toEqual([URL_D]);
    // "OR" is a word to find here, not an operator: no document has both.
    expect(urlsOf('双减 OR 招生')).toEqual([]);
  });

  it('returns nothing for queries without searchable characters', () => {
    expect(urlsOf('')).toEqual([]);
    expect(urlsOf('   ')).toEqual([]);
    expect(urlsOf('-')).toEqual([]);
  });
});

describe('search: filters', () => {
  it('narrows by source, published date and field value', () => {
    expect(urlsOf('教育').sort()).toEqual([URL_A, URL_B, URL_C].sort());
    expect(urlsOf('教育', { sources: ['beta'] })).toEqual([URL_C]);
    expect(urlsOf('教育', { since: '2023-01-01' }).sort()).toEqual([URL_B, URL_C].sort());
    expect(urlsOf('教育', { until: '2023-12-31' }).sort()).toEqual([URL_A, URL_C].sort());
    expect(urlsOf('教育', { fields: [['publisher', '某某区教育局']] }).sort()).toEqual([URL_A, URL_B].sort());
    expect(
      urlsOf('教育', {
        fields: [
          ['publisher', '某某区教育局'],
          ['validity', '有效'],
        ],
      }),
    ).toEqual([URL_A]);
    expect(urlsOf('教育', { limit: 1 })).toHaveLength(1);
  });

  it('filters on the latest version: its date and fields, not those of an older one', () => {
    expect(urlsOf('新版本', { since: '2024-01-01', fields: [['validity', '失效']] })).toEqual([URL_UPDATED]);
    expect(urlsOf('新版本', { until: '2021-01-01' })).toEqual([]);
    expect(urlsOf('新版本', { fields: [['validity', '有效']] })).toEqual([]);
  });
});

describe('migration 003', () => {
  it('indexes the documents an older archive already holds', () => {
    const db = openOlderArchive(join(tempDir(), 'old.db'), 3);
    const rawBody = new TextEncoder().encode('<html><body>落实双减。</body></html>');
    insertOlderDocument(db, { url: URL_A, title: '双减通知', text: '落实双减。', publishedDate: '2021-09-01', fields: { validity: '有效' }, rawBody });
    migrate(db);
    expect(searchDocuments(db, '双减').map((hit) => hit.record.url)).toEqual([URL_A]);
    const filtered = { sources: ['alpha'], since: '2021-09-01', until: '2021-09-01', fields: [['validity', '有效']] as [string, string][] };
    expect(searchDocuments(db, '双减', filtered).map((hit) => hit.record.url)).toEqual([URL_A]);
    expect(searchDocuments(db, '落实双减').map((hit) => hit.record.url)).toEqual([URL_A]);
    db.close();
  });
});
