import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSiteDir, startStaticSite, type StaticSite } from '../../src/demo/server.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { CONTRACT_RECORD_KEYS } from '../helpers/contract.js';

const expected = JSON.parse(readFileSync(new URL('../fixtures/demo-expected.json', import.meta.url), 'utf8')) as {
  startPaths: string[];
  documents: unknown[];
};

let site: StaticSite;

beforeAll(async () => {
  site = await startStaticSite(demoSiteDir());
});
afterAll(async () => {
  await site.close();
});

describe('CLI crawl and export', () => {
  it('crawls with a config file and exports contract records as JSON lines', async () => {
    const dir = tempDir();
    const configPath = join(dir, 'sources.yaml');
    writeFileSync(
      configPath,
      [
        `database: ${join(dir, 'archive.db')}`,
        'sources:',
        '  - id: demo-edu',
        `    startUrls: [${expected.startPaths.map((p) => JSON.stringify(site.baseUrl + p)).join(', ')}]`,
        '    maxRequestsPerMinute: 6000',
      ].join('\n'),
    );
    const crawl = await runCli(['crawl', '--config', configPath]);
    expect(crawl.code, crawl.stderr).toBe(0);
    expect(crawl.stdout).toContain('demo-edu');
    const exported = await runCli(['export', '--format', 'jsonl'], { env: { BUREAU_WATCH_CONFIG: configPath } });
    expect(exported.code, exported.stderr).toBe(0);
    const records = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(expected.documents.length);
    for (const record of records) {
      for (const key of CONTRACT_RECORD_KEYS) expect(record, key).toHaveProperty(key);
      expect(record).toMatchObject({ source: 'demo-edu', version: 1, status: 'active' });
      expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(new Date(record.firstSeenAt as string).toISOString()).toBe(record.firstSeenAt);
      expect(Object.values(record.fields as object).every((value) => typeof value === 'string' && value !== '')).toBe(true);
    }
    const plan = records.find((record) => record.title === '2021年无锡市滨湖区教育局工作要点');
    expect(plan?.fields).toMatchObject({ indexNo: '014028901/2021-00544', publisher: '无锡市滨湖区教育局', validity: '有效' });
  });
});
