import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceStats } from '../../src/stats/stats.js';
import { parseLogLines, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import type { TestArchive } from '../helpers/archive.js';
import { openRedesignArchive } from './redesign-archive.js';

let store: TestArchive;
let redesignRun: number;

beforeAll(() => {
  ({ store, redesignRun } = openRedesignArchive());
});
afterAll(() => store.close());

describe('stats', () => {
  it('reports per source documents, versions, last run, errors and field coverage as JSON (in process)', async () => {
    const result = await runCliInProcess(['stats', '--json', '--config', store.configPath]);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout) as SourceStats[];
    expect(stats.map((s) => s.source)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = stats as [SourceStats, SourceStats];
    expect(alpha.documents).toEqual({ total: 18, active: 17, removed: 1, duplicates: 0 });
    expect(alpha.versions).toBe(18);
    expect(alpha.lastRun).toMatchObject({ id: redesignRun, status: 'ok', counts: { errors: 2 } });
    expect(alpha.errors).toEqual({ lastRun: 2, recentRuns: 3, recentRunCount: 2 });
    expect(beta.errors).toEqual({ lastRun: 4, recentRuns: 4, recentRunCount: 1 });
    // 11 active old pages have the table, 6 new ones do not.
    expect(alpha.coverage.total).toBe(17);
    expect(alpha.coverage.fields.indexNo).toBe(Math.round((11 / 17) * 1000) / 1000);
    expect(alpha.coverage.fields.docNo).toBe(0);
    expect(alpha.coverage.record).toEqual({ title: 1, publishedDate: 1, text: 1, attachments: 0 });
    expect(beta.coverage.fields.publisher).toBe(1);
    expect(beta.health).toEqual([]);
  });

  it('warns when the newest run lost coverage (extraction health), in the log and the report', async () => {
    const result = await runCli(['stats', '--config', store.configPath]);
    expect(result.code).toBe(0);
    const warnings = parseLogLines(result.stderr).filter((line) => line.level === 40);
    expect(warnings.map((line) => line.item).sort()).toEqual(['fields.indexNo', 'fields.publishedDate', 'fields.publisher']);
    expect(warnings[0]).toMatchObject({ source: 'alpha', runId: redesignRun, before: 1, after: 0, sample: { run: 6, before: 12 } });
    expect(String(warnings[0]!.msg)).toMatch(/extraction health: fields\.\w+ coverage fell from 100% to 0% in run \d+ of alpha/);
    expect(result.stdout).toMatch(/alpha\s+18\s+17\s+1\s+0\s+18\s+#\d+ \S+\s+ok\s+2\s+3/);
    expect(result.stdout).toMatch(/fields\.indexNo\s+65%\s+100%/);
    expect(result.stdout).toContain('alpha: fields.indexNo 100% → 0%');
  });
});
