/**
 * A config check through the compiled CLI (issue #11, Found 5): a database folder the user may not
 * write is exit 2 naming it (another user needs a process of its own). The other checks at load run in
 * process: load-checks.test.ts.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { tempDir } from '../helpers/temp.js';

const SOURCE = { id: 'alpha', startUrls: ['http://127.0.0.1:9/col/col1/index.html'] };

describe('database paths', () => {
  it.skipIf(process.geteuid?.() !== 0)('exit 2 with "permission denied" for a folder the user may not write (needs root to drop privileges)', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const { configPath } = writeConfig(dir, { database: join(dir, 'sub', 'x.db'), sources: [SOURCE] });
    const result = await runCli(['crawl', '--config', configPath], { user: { uid: 65534, gid: 65534 } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`database: cannot create the folder ${join(dir, 'sub')} for ${join(dir, 'sub', 'x.db')}: permission denied`);
  });
});
