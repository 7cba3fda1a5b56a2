/** Config files for CLI child processes: an archive in the test's directory and loopback sources. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ConfigFile {
  configPath: string;
  databasePath: string;
}

/**
 * Writes `config.json` in `dir`, the database beside it; each source is merged over fast loopback
 * politeness and a schedule that never comes due, and the scheduler starts passes without jitter.
 */
export function writeConfig(dir: string, config: { sources?: Record<string, unknown>[]; [key: string]: unknown }): ConfigFile {
  const databasePath = join(dir, 'archive.db');
  const configPath = join(dir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify(
      {
        database: databasePath,
        storageDir: join(dir, 'storage'),
        scheduler: { jitterSecs: 0 },
        ...config,
        sources: (config.sources ?? []).map((source) => ({ schedule: '0 0 1 1 *', maxRequestsPerMinute: 60_000, ...source })),
      },
      null,
      2,
    ),
  );
  return { configPath, databasePath };
}

/** The bundled replica site's Hanweb column (served by startTestSite({ root: 'demo' })), one request at a time. */
export function replicaSource(baseUrl: string): Record<string, unknown> {
  return { id: 'replica', name: '演示区教育局', startUrls: [`${baseUrl}/col/col1001/index.html`], maxRequestsPerMinute: 6000, maxConcurrencyPerHost: 1 };
}
