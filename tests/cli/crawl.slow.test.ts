/**
 * `crawl` run in process (src/cli/run.ts): delivery after the crawl stops at delivery.afterCrawlSecs
 * when a webhook is down. (Delivery at the end of a crawl of the compiled CLI: crawl.process.test.ts.)
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { bureauSite } from '../helpers/pages.js';
import { startReceiver } from '../helpers/receiver.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';
import { planPage } from './plan-pages.js';

describe('crawl command', () => {
  it('stops delivering at delivery.afterCrawlSecs when a webhook is down: exit 0, the pending events named per sink', async () => {
    const server = await startTestSite();
    onTestFinished(() => server.close());
    const site = bureauSite(server);
    site.put('/art/2024/3/1/art_100_1.html', planPage('2024年教育工作要点', 0, '2024-03-01'));
    const down = await startReceiver(() => 503);
    const { configPath } = writeConfig(tempDir(), {
      sources: [{ id: 'fixture', startUrls: [site.listUrl], maxRequestsPerMinute: 6000 }],
      sinks: [{ type: 'webhook', url: down.url, secret: 'test-secret' }],
      delivery: { afterCrawlSecs: 1 },
    });
    const result = await runCliInProcess(['crawl', '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `events pending: webhook ${new URL(down.url).origin}: 1 event(s) pending (time budget used up); \`deliver\` or the next crawl sends them`,
    );
    // The default retries (5, from 1 s doubling) did not all run: the budget cut them short.
    expect(down.requests.length).toBeLessThanOrEqual(2);
  });
});
