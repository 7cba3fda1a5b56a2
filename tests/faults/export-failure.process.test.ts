import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive, snapshot } from '../helpers/archive.js';
import { runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A failed `export --out` (full device, file size limit) exits 1 naming the file and the cause,
 * without a stack or an unhandled stream error, leaves the previous export as it was and no
 * temporary file behind; a successful one replaces the file whole.
 */
const FORMATS = ['jsonl', 'csv', 'warc', 'warc.gz'];
const PREVIOUS = 'the previous export, which must survive\n';
const STACK_LINE = /\n\s+at .*:\d+/;

/** An archive of `count` documents (100: about 800 KB as JSONL) and a config for it, in its own directory. */
function exportableArchive(count: number): string {
  const test = openTestArchive();
  for (let n = 0; n < count; n++) {
    const text = `第${n}号通知。${'各单位要认真贯彻落实有关工作要求，确保各项任务按时完成。'.repeat(40 + n)}`;
    test.record(snapshot(`http://127.0.0.1/art/2024/3/${n}.html`, { text, title: `第${n}号通知` }));
  }
  test.db.close();
  return test.configPath;
}

describe('export failures', () => {
  it('exits 1 with the file and the cause on a full device, in every format, without an unhandled error', async () => {
    const config = exportableArchive(3);
    // The compiled CLI for the first format, the same code in process (src/cli/run.ts) for the others.
    const results = await Promise.all(
      FORMATS.map((format, index) => (index === 0 ? runCli : runCliInProcess)(['export', '--config', config, '--format', format, '--out', '/dev/full'])),
    );
    results.forEach((result, index) => {
      expect(result.code, `${FORMATS[index]}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('export to /dev/full failed: ENOSPC');
      expect(result.stderr).not.toMatch(/Unhandled|ERR_UNHANDLED/);
      expect(result.stderr).not.toMatch(STACK_LINE);
    });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('leaves the previous export untouched and no temporary file when the size limit stops the write', async () => {
    const config = exportableArchive(100);
    const dir = join(tempDir(), 'exports');
    mkdirSync(dir);
    const out = join(dir, 'documents.export');
    writeFileSync(out, PREVIOUS);
    chmodSync(out, 0o640);

    for (const format of ['jsonl', 'warc.gz']) {
      // RLIMIT_FSIZE at 64 blocks (32 KiB): the write fails with EFBIG.
      const result = await runCli(['export', '--config', config, '--format', format, '--out', out], { fileSizeLimitBlocks: 64 });
      expect(result.code, `${format}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(`export to ${out} failed: EFBIG`);
      expect(result.stderr).toContain('the file there is unchanged');
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
      expect(readdirSync(dir)).toEqual(['documents.export']);
    }

    // Without the limit the same export replaces the file whole, keeping its permissions.
    const result = await runCli(['export', '--config', config, '--format', 'jsonl', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(100);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['documents.export']);
  });

  it('names the file when its directory does not exist (in process)', async () => {
    const config = exportableArchive(3);
    const out = join(tempDir(), 'missing', 'documents.jsonl');
    const result = await runCliInProcess(['export', '--config', config, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`export to ${out} failed: ENOENT`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
