import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { bureauSite, type BureauPage } from '../helpers/pages.js';
import { startReceiver } from '../helpers/receiver.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { fixtureText, lines } from '../helpers/texts.js';

const PLAN = lines(fixtureText('plan-qianjiang-001.txt')).filter((line) => line.length > 40);

function page(title: string, from: number, published: string): BureauPage {
  return { title, paragraphs: PLAN.slice(from, from + 5), published, views: 10, sidebar: [] };
}

describe('crawl command', () => {
  it('delivers the events of the run to the sinks at its end', async () => {
    const server = await startTestSite();
    onTestFinished(() => server.close());
    const site = bureauSite(server);
    site.put('/art/2024/3/1/art_100_1.html', page('2024年教育工作要点', 0, '2024-03-01'));
    site.put('/art/2024/3/2/art_100_2.html', page('关于开展2024年教师培训的通知', 5, '2024-03-02'));
    const dir = tempDir();
    const ndjson = join(dir, 'events.ndjson');
    const { configPath } = writeConfig(dir, {
      sources: [{ id: 'fixture', startUrls: [site.listUrl], maxRequestsPerMinute: 6000 }],
      sinks: [{ type: 'ndjson', path: ndjson }],
      alerts: [{ name: 'new-plan', titlePattern: '工作要点' }],
    });
    const result = await runCli(['crawl', '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    const delivered = readFileSync(ndjson, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; url: string; alerts: string[] });
    expect(delivered.map((event) => [event.type, new URL(event.url).pathname, event.alerts]).sort()).toEqual([
      ['document.created', '/art/2024/3/1/art_100_1.html', ['new-plan']],
      ['document.created', '/art/2024/3/2/art_100_2.html', []],
    ]);
  });

  it('stops delivering at delivery.afterCrawlSecs when a webhook is down: exit 0, the pending events named per sink', async () => {
    const server = await startTestSite();
    onTestFinished(() => server.close());
    const site = bureauSite(server);
    site.put('/art/2024/3/1/art_100_1.html', page('2024年教育工作要点', 0, '2024-03-01'));
    const down = await startReceiver(() => 503);
    const { configPath } = writeConfig(tempDir(), {
      sources: [{ id: 'fixture', startUrls: [site.listUrl], maxRequestsPerMinute: 6000 }],
      sinks: [{ type: 'webhook', url: down.url, secret: 'test-secret' }],
      delivery: { afterCrawlSecs: 1 },
    });
    const result = await runCli(['crawl', '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `events pending: webhook ${new URL(down.url).origin}: 1 event(s) pending (time budget used up); \`deliver\` or the next crawl sends them`,
    );
    // The default retries (5, from 1 s doubling) did not all run: the budget cut them short.
    expect(down.requests.length).toBeLessThanOrEqual(2);
  });
});
