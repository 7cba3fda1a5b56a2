import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON config crawling the replica site's Hanweb column into `dir`; `extra` is merged at the top level. */
export function writeCrawlConfig(dir: string, baseUrl: string, extra: Record<string, unknown> = {}): { configPath: string; databasePath: string } {
  const databasePath = join(dir, 'archive.db');
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify({
    database: databasePath,
    storageDir: join(dir, 'storage'),
    sources: [{
      id: 'replica', name: '演示区教育局', startUrls: [`${baseUrl}/col/col1001/index.html`],
      schedule: '0 0 1 1 *', maxRequestsPerMinute: 6000, maxConcurrencyPerHost: 1,
    }],
    scheduler: { jitterSecs: 0 },
    ...extra,
  }, null, 2));
  return { configPath, databasePath };
}
