import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { serveColumn } from '../helpers/crawl.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/**
 * What the CLI says of TLS options: a certificate failure under the crawl summary, a CA file it
 * cannot read at load (the options themselves, in process: tls.test.ts, site-access-config.test.ts).
 */
let site: TestSite;
afterEach(async () => {
  await site?.close();
});

function httpsSource(): Record<string, unknown> {
  return { id: 'tls-site', startUrls: [`${site.baseUrl}/col/index.html`] };
}

describe('TLS options', () => {
  it('prints the failure with its fix under the crawl summary', async () => {
    site = await startTestSite({ tls: 'leaf' });
    serveColumn(site);
    const { configPath } = writeConfig(tempDir(), { sources: [httpsSource()] });

    const result = await runCli(['crawl', '--config', configPath]);

    // The source read nothing: the run fails (exit 1), and the summary names the fix.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `tls-site: 1 × certificate: robots.txt unreachable, column not read: certificate verify failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE) for ${site.baseUrl}/robots.txt: add the site's CA with tls.ca, or tls.insecure: true`,
    );
  });
});

describe('site access options in the config', () => {
  const SOURCE = 'id: s\n    startUrls: ["http://127.0.0.1:9/col/index.html"]';

  it('exits 2 with the key path from the CLI', async () => {
    const dir = tempDir();
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, `database: ${join(dir, 'a.db')}\nsources:\n  - ${SOURCE}\n    tls: { ca: ${join(dir, 'missing.pem')} }\n`);
    const result = await runCli(['crawl', '--config', configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources.0.tls.ca: cannot read CA file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
