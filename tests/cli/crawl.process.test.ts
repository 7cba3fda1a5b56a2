/**
 * `crawl` through the compiled CLI delivers the run's events to the sinks at its end, and starts no
 * child process. (A webhook that is down, cut short by delivery.afterCrawlSecs: crawl.slow.test.ts,
 * in process.)
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { bureauSite } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { planPage } from './plan-pages.js';

describe('crawl command', () => {
  it('delivers the events of the run to the sinks at its end, without starting a process (Crawlee runs `ps` unless told not to)', async () => {
    const server = await startTestSite();
    onTestFinished(() => server.close());
    const site = bureauSite(server);
    site.put('/art/2024/3/1/art_100_1.html', planPage('2024年教育工作要点', 0, '2024-03-01'));
    site.put('/art/2024/3/2/art_100_2.html', planPage('关于开展2024年教师培训的通知', 5, '2024-03-02'));
    const dir = tempDir();
    const ndjson = join(dir, 'events.ndjson');
    const { configPath } = writeConfig(dir, {
      sources: [{ id: 'fixture', startUrls: [site.listUrl], maxRequestsPerMinute: 6000 }],
      sinks: [{ type: 'ndjson', path: ndjson }],
      alerts: [{ name: 'new-plan', titlePattern: '工作要点' }],
    });
    // `ps` and `getconf` first on the PATH: each notes that it ran. Node itself stays reachable.
    const bin = join(dir, 'bin');
    const ran = join(dir, 'ran');
    mkdirSync(bin);
    for (const tool of ['ps', 'getconf']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho ${tool} >> "${ran}"\n`);
      chmodSync(join(bin, tool), 0o755);
    }
    const result = await runCli(['crawl', '--config', configPath], { env: { PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter) } });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(ran) ? readFileSync(ran, 'utf8') : 'nothing ran').toBe('nothing ran');
    const delivered = readFileSync(ndjson, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; url: string; alerts: string[] });
    expect(delivered.map((event) => [event.type, new URL(event.url).pathname, event.alerts]).sort()).toEqual([
      ['document.created', '/art/2024/3/1/art_100_1.html', ['new-plan']],
      ['document.created', '/art/2024/3/2/art_100_2.html', []],
    ]);
  });
});
