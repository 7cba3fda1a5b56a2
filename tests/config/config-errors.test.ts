/**
 * Config errors as the CLI reports them (in process, src/cli/run.ts): exit 2, every offending key
 * named, no stack trace. The compiled CLI meets them in tests/cli/exit-codes.process.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';

const SOURCE = `
sources:
  - id: binhu-edu
    name: 无锡市滨湖区教育局
    startUrls: ["https://www.example.gov.cn/col/col1001/index.html"]
`;

describe('CLI config errors', () => {
  it('exits 2 naming every offending key (unknown, wrong type, out of range), with no stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, `database: ${join(dir, 'a.db')}\nfetch:\n  maxBodyBytes: -1\n${SOURCE}    colour: blue\n    maxRequestsPerMinute: "fast"\n`);
    const result = await runCliInProcess(['crawl', '--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/fetch\.maxBodyBytes/);
    expect(result.stderr).toMatch(/sources\.0\.maxRequestsPerMinute/);
    expect(result.stderr).toMatch(/sources\.0.*colour/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a YAML syntax error, naming the file, with no stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, 'sources:\n  - id: ok\n    startUrls: ["http://127.0.0.1:9/"\n  bad indent: [\n');
    const result = await runCliInProcess(['crawl', '--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`config ${path} is not valid YAML`);
    expect(result.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });

  it('exits 2 for a missing config file and for an unknown command', async () => {
    const missing = await runCliInProcess(['--config', '/nonexistent/x.yaml', 'crawl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/x.yaml');
    const unknown = await runCliInProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('reads the config path from BUREAU_WATCH_CONFIG', async () => {
    const dir = tempDir();
    const path = join(dir, 'env.yaml');
    writeFileSync(path, 'sources: []\nbogus: 1\n');
    const result = await runCliInProcess(['crawl'], { env: { BUREAU_WATCH_CONFIG: path } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bogus');
  });
});
