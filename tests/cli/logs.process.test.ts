/**
 * Logs for people and machines (issue #11, Found 9): JSON lines when stderr is not a terminal (or with
 * --log-format json), one readable line per entry with --log-format pretty or BUREAU_WATCH_LOG_FORMAT;
 * --quiet and --verbose; `export --out` says in words what it wrote; site strings made terminal-safe.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocuments, openTestArchive, type TestArchive } from '../helpers/archive.js';
import { REPO_ROOT, parseLogLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { spawnSync } from 'node:child_process';

let archive: TestArchive;

beforeAll(() => {
  archive = openTestArchive();
  addDocuments(archive, 0, 4);
});
afterAll(() => archive.close());

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli([...args, '--config', archive.configPath], { env: { BUREAU_WATCH_LOG_FORMAT: undefined, BUREAU_WATCH_LOG_LEVEL: undefined, ...env } });

describe('logs', () => {
  it('are JSON lines in a pipe, readable lines when asked; `export --out` says what it wrote either way', async () => {
    const out = join(tempDir(), 'docs.jsonl');
    const [json, pretty, fromEnv] = await Promise.all([
      run(['export', '--out', out]),
      run(['export', '--out', out, '--log-format', 'pretty']),
      run(['stats', '--verbose'], { BUREAU_WATCH_LOG_FORMAT: 'pretty' }),
    ]);
    expect(json.code).toBe(0);
    expect(parseLogLines(json.stderr)).toEqual([expect.objectContaining({ level: 30, msg: `4 documents written to ${out} (jsonl)`, documents: 4, out })]);
    expect(pretty.code).toBe(0);
    expect(pretty.stderr).toMatch(
      new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] INFO: 4 documents written to ${out.replace(/[.]/g, '\\.')} \\(jsonl\\) \\{"documents":4,`),
    );
    expect(pretty.stderr).not.toContain('"level"');
    expect(fromEnv.stderr).toMatch(/^\[\d\d:\d\d:\d\d\] DEBUG: archive opened read-only, in place \{"database":/m);
  });

  it('--quiet keeps warnings and errors only; --verbose adds debug lines', async () => {
    const out = join(tempDir(), 'docs.jsonl');
    const [quiet, verbose, envLevel] = await Promise.all([
      run(['export', '--out', out, '--quiet']),
      run(['stats', '--json', '--verbose']),
      run(['stats', '--json'], { BUREAU_WATCH_LOG_LEVEL: 'debug' }),
    ]);
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    expect(parseLogLines(verbose.stderr).map((line) => line.msg)).toContain('archive opened read-only, in place');
    expect(parseLogLines(envLevel.stderr).map((line) => line.level)).toContain(20);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('are readable lines by default on a terminal (a pty made by script(1))', () => {
    const command = [process.execPath, join(REPO_ROOT, 'dist', 'cli', 'main.js'), 'stats', '--verbose', '--config', archive.configPath]
      .map((arg) => `'${arg}'`)
      .join(' ');
    const child = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, BUREAU_WATCH_LOG_FORMAT: '', NO_COLOR: '1' },
    });
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^\[\d\d:\d\d:\d\d\] DEBUG: archive opened read-only, in place \{"database":/m);
    expect(child.stdout).not.toContain('"level"');
  });

  it('pretty lines drop the escapes and bidi controls a site could put in a logged value', () => {
    const script = `import { createLogger } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist', 'log.js')).href)};
createLogger({ format: 'pretty' }).warn({ title: 'a\\u001b[2Jb\\u202ec' }, 'page \\u001b]0;pwned\\u0007title');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toMatch(/WARN: page title \{"title":"abc"\}/);
    expect(child.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});
