import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageDrops } from '../../src/stats/health.js';
import type { TestArchive } from '../helpers/archive.js';
import { openRedesignArchive } from './redesign-archive.js';

let store: TestArchive;
let redesignRun: number;

beforeAll(() => {
  ({ store, redesignRun } = openRedesignArchive());
});
afterAll(() => store.close());

describe('extraction health', () => {
  it('stays quiet for runs too small to judge or without a real drop', () => {
    expect(coverageDrops(store.db, 'beta', 1)).toEqual([]);
    expect(coverageDrops(store.db, 'alpha', redesignRun, { minRunVersions: 7, minBaselineVersions: 10, minBaselineShare: 0.5, minDrop: 0.3 })).toEqual([]);
    expect(coverageDrops(store.db, 'alpha', redesignRun).map((drop) => drop.item)).not.toContain('record.publishedDate');
  });
});
