/**
 * `crawl --revisit-all`, the command run in process (src/cli/run.ts): a crawl right after the first one
 * asks for no known document (none is due yet), the flag asks for every one of them; `stats` shows the checks.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { serveColumn } from '../helpers/crawl.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

describe('crawl --revisit-all', () => {
  it('revisits every known document although none is due; without it a re-crawl reads the list page alone', async () => {
    const site = await startTestSite();
    onTestFinished(() => site.close());
    const documents = serveColumn(site, 3).map((url) => new URL(url).pathname);
    const { configPath } = writeConfig(tempDir(), { sources: [{ id: 'c', startUrls: [`${site.baseUrl}/col/index.html`] }] });
    const crawl = async (...flags: string[]) => {
      const mark = site.requests.length;
      const result = await runCliInProcess(['crawl', '--config', configPath, ...flags]);
      expect(result.code, result.stderr).toBe(0);
      return site.requests
        .slice(mark)
        .map((r) => r.path)
        .filter((path) => path.startsWith('/art/'))
        .sort();
    };
    expect(await crawl()).toEqual(documents);
    expect(await crawl()).toEqual([]);
    expect(await crawl('--revisit-all')).toEqual(documents);

    const stats = await runCliInProcess(['stats', '--config', configPath]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toContain('Revisits: when the documents were last checked');
    expect(stats.stdout).toMatch(/^c\s+\d{4}-\d\d-\d\dT\S+\s+\d{4}-\d\d-\d\dT\S+\s+0$/m);
  });
});
