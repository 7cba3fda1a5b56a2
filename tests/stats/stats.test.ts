import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageDrops } from '../../src/stats/health.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

let store: TestArchive;
let redesignRun: number;

const FULL = { fields: { indexNo: '014028901/2021-00544', publisher: '某某区教育局', publishedDate: '2021-02-18' }, publishedDate: '2021-02-18' };

beforeAll(() => {
  store = openTestArchive();
  // Run 1: the old site layout, metadata table found on every page.
  const before = store.run(['alpha', 'beta']);
  for (let i = 0; i < 12; i++) store.record(snapshot(`http://127.0.0.1/alpha/old-${i}.html`, { ...FULL, title: `旧版页面${i}`, text: `正文${i}` }), before);
  for (let i = 0; i < 3; i++)
    store.record(snapshot(`http://127.0.0.1/beta/${i}.html`, { ...FULL, source: 'beta', title: `乙${i}`, text: `乙正文${i}` }), before);
  store.finish(before, { alpha: 1, beta: 4 });
  // Run 2: alpha was redesigned; its new pages lose the metadata table (the date still comes from <meta>).
  redesignRun = store.run(['alpha']);
  for (let i = 0; i < 6; i++) {
    store.record(snapshot(`http://127.0.0.1/alpha/new-${i}.html`, { title: `新版页面${i}`, text: `正文新${i}`, publishedDate: '2024-05-01' }), redesignRun);
  }
  store.finish(redesignRun, { alpha: 2 });
  store.missing('http://127.0.0.1/alpha/old-0.html');
  store.missing('http://127.0.0.1/alpha/old-0.html');
});
afterAll(() => store.close());

describe('extraction health', () => {
  it('stays quiet for runs too small to judge or without a real drop', () => {
    expect(coverageDrops(store.db, 'beta', 1)).toEqual([]);
    expect(coverageDrops(store.db, 'alpha', redesignRun, { minRunVersions: 7, minBaselineVersions: 10, minBaselineShare: 0.5, minDrop: 0.3 })).toEqual([]);
    expect(coverageDrops(store.db, 'alpha', redesignRun).map((drop) => drop.item)).not.toContain('record.publishedDate');
  });
});
