import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseLogLines, runCli, startCli, waitFor, type CliProcess } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';
import { PLAN_URL, serveArchive } from './serve-archive.js';

/** Starts `serve` on a free port and resolves with its base URL once it listens; stopped when the test ends. */
async function startServe(configPath: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ cli: CliProcess; url: string }> {
  const cli = startCli(['serve', '--config', configPath, '--port', '0', ...extra], { env });
  onTestFinished(() => void (cli.child.exitCode === null && cli.child.kill('SIGKILL')));
  await waitFor(() => /http:\/\/\S+\//.test(cli.stdout()) || cli.child.exitCode !== null, 'serve to listen');
  const url = /(http:\/\/\S+\/)/.exec(cli.stdout())?.[1];
  if (!url) throw new Error(`serve did not start:\n${cli.stderr()}`);
  return { cli, url };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.json();
}

describe('bureau-watch serve (child process)', () => {
  it("serves the archive read-only; the JSON API answers what the CLI's --json prints; SIGTERM stops it cleanly (exit 0)", async () => {
    const { test, hostileId, planId } = serveArchive();
    const { cli, url } = await startServe(test.configPath);
    expect(cli.stdout()).toContain(`Serving ${test.databasePath} read-only at http://127.0.0.1:`);

    const page = await fetch(`${url}documents/${hostileId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('&lt;script&gt;window.__pwned');

    // What the read commands print, run in process (src/cli/run.ts): the same code as the compiled CLI.
    const cliJson = async (args: string[]) => JSON.parse((await runCliInProcess([...args, '--config', test.configPath])).stdout) as unknown;
    const query = encodeURIComponent('通知');
    expect(await fetchJson(`${url}api/search?q=${query}`)).toEqual(await cliJson(['search', '通知', '--json']));
    expect(await fetchJson(`${url}api/show?id=${hostileId}`)).toEqual(await cliJson(['show', hostileId, '--json']));
    expect(await fetchJson(`${url}api/show?id=${encodeURIComponent(PLAN_URL)}&version=1`)).toEqual(
      await cliJson(['show', PLAN_URL, '--version', '1', '--json']),
    );
    expect(await fetchJson(`${url}api/history?id=${planId}`)).toEqual(await cliJson(['history', planId, '--json']));
    expect(await fetchJson(`${url}api/events`)).toEqual(await cliJson(['events', '--json']));
    expect(await fetchJson(`${url}api/stats`)).toEqual(await cliJson(['stats', '--json']));

    cli.child.kill('SIGTERM');
    const result = await cli.done;
    expect(result.code).toBe(0);
    expect(parseLogLines(result.stderr).map((line) => line.msg)).toContain('stopped serving');
  });

  it('asks for a login when BUREAU_WATCH_SERVE_PASSWORD is set (and refuses an empty one, exit 2, in process)', async () => {
    const { test } = serveArchive();
    const { cli, url } = await startServe(test.configPath, ['--user', 'archivist'], { BUREAU_WATCH_SERVE_PASSWORD: 's3cret' });
    expect((await fetch(url)).status).toBe(401);
    const login = { Authorization: `Basic ${Buffer.from('archivist:s3cret').toString('base64')}` };
    expect((await fetch(`${url}api/stats`, { headers: login })).status).toBe(200);
    expect(cli.stderr()).not.toContain('s3cret');
    cli.child.kill('SIGTERM');
    expect((await cli.done).code).toBe(0);

    const empty = await runCliInProcess(['serve', '--config', test.configPath, '--port', '0'], { env: { BUREAU_WATCH_SERVE_PASSWORD: '' } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('BUREAU_WATCH_SERVE_PASSWORD is set but empty');
  });

  it('warns when bound beyond loopback', async () => {
    const { test } = serveArchive();
    const { cli } = await startServe(test.configPath, ['--host', '0.0.0.0']);
    await cli.waitForStderr(/readable by anyone/);
    const warning = parseLogLines(cli.stderr()).find((line) => line.level === 40);
    expect(warning?.msg).toContain('serving on 0.0.0.0');
    cli.child.kill('SIGTERM');
    expect((await cli.done).code).toBe(0);
  });

  it('a missing database: exit 2 naming its path (in process)', async () => {
    const dir = tempDir();
    const database = join(dir, 'none.db');
    writeFileSync(join(dir, 'config.yaml'), `database: ${JSON.stringify(database)}\n`);
    const result = await runCliInProcess(['serve', '--config', join(dir, 'config.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no archive at ${database}`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a port in use: exit 1 naming the port; a bad port: exit 2', async () => {
    const { test } = serveArchive();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const taken = await runCli(['serve', '--config', test.configPath, '--port', String(port)]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    const bad = await runCliInProcess(['serve', '--config', test.configPath, '--port', '80x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port expects a port number from 0 to 65535, got "80x"');
  });
});
