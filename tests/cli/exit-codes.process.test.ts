/**
 * Walks the README's exit code table (issue #11, Found 8): every row is here with a way to bring it
 * about, and each of its examples exits with the row's code. A row added to the README without a case
 * here, or a case whose row changed its wording or code, fails. The first example of a row runs the
 * compiled CLI as a child process; further examples of the same row run in process (src/cli/run.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { REPO_ROOT, runCli, startCli, type CliResult } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { docPath, documentPage, linkItems, listPage } from '../helpers/pages.js';
import { startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

interface Row {
  code: number;
  situation: string;
}

/** The rows of README's "Exit codes" table. */
function readmeRows(): Row[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('### Logs'));
  return section
    .split('\n')
    .filter((line) => /^\| \d \|/.test(line))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
      return { code: Number(cells[1]), situation: cells[2]! };
    });
}

let archive: TestArchive;
let docId: string;
const config = (name: string, lines: string[]) => {
  const path = join(archive.dir, name);
  writeFileSync(path, [`database: ${JSON.stringify(archive.databasePath)}`, ...lines].join('\n'));
  return path;
};

beforeAll(() => {
  archive = openTestArchive();
  // Enough text that `export` is still writing when its reader leaves (more than a pipe's 64 KiB).
  for (let n = 0; n < 60; n++)
    archive.record(snapshot(`http://bureau.example/art/${n}.html`, { title: `第${n}号工作计划`, text: `第${n}号。${'各校认真落实。'.repeat(60)}` }));
  archive.record(snapshot('http://bureau.example/art/0.html', { title: '第0号工作计划', text: '第0号，修订版。' }));
  docId = archive.db.prepare("SELECT id FROM documents WHERE url = 'http://bureau.example/art/0.html'").pluck().get() as string;
});
afterAll(() => archive.close());

const run = (args: string[], configPath = archive.configPath) => runCli([...args, '--config', configPath]);
const inProcess = (args: string[], configPath = archive.configPath) => runCliInProcess([...args, '--config', configPath]);

/** A source on the loopback site whose document page is held until the test says: a crawl in the middle of a page. */
async function crawlInTheMiddle(args: string[]): Promise<CliResult> {
  const site = await startTestSite({
    routes: { '/col/col1/index.html': { body: listPage(linkItems([docPath(1)])) }, [docPath(1)]: { body: documentPage('关于开展工作的通知') } },
  });
  onTestFinished(() => site.close());
  site.hold((path) => path === docPath(1));
  const { configPath } = writeConfig(tempDir(), { sources: [{ id: 'alpha', startUrls: [`${site.baseUrl}/col/col1/index.html`] }] });
  const cli = startCli([...args, '--config', configPath]);
  onTestFinished(() => void cli.child.kill('SIGKILL'));
  await site.waitForHeld();
  cli.child.kill('SIGTERM');
  await cli.waitForStderr(/stopping: finishing the pages in hand/);
  site.releaseAll();
  return cli.done;
}

/** How to bring each row about: the CLI runs, one per example of the row. */
const CASES: Record<string, () => Promise<CliResult[]>> = {
  'the command did what was asked': async () => [await run(['search', '计划'])],
  'a search found nothing (`0 documents found`)': async () => {
    const result = await run(['search', '无此词']);
    expect(result.stdout).toBe('0 documents found\n');
    return [result];
  },
  '`schedule` stopped by SIGTERM or SIGINT (the pages in hand are stored, events delivered)': async () => {
    const { configPath } = writeConfig(tempDir(), { sources: [{ id: 'alpha', startUrls: ['http://127.0.0.1:9/'] }] });
    const daemon = startCli(['schedule', '--config', configPath]);
    onTestFinished(() => void daemon.child.kill('SIGKILL'));
    await daemon.waitForStderr(/scheduler running/);
    daemon.child.kill('SIGTERM');
    return [await daemon.done];
  },
  'the reader of stdout left early: the command stops quietly': async () => {
    const cli = startCli(['export', '--config', archive.configPath]);
    cli.child.stdout!.once('data', () => cli.child.stdout!.destroy());
    const result = await cli.done;
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    return [result];
  },
  'help and version': async () => [await runCli(['--version'])],
  '`crawl` interrupted by SIGTERM or SIGINT: the pages fetched until then are stored (a second signal exits at once)': async () => [
    await crawlInTheMiddle(['crawl']),
  ],
  '`deliver`: a sink could not take every event (they stay pending for the next delivery)': async () => [
    await run(['deliver'], config('down.yaml', ['sinks:', '  - type: webhook', '    url: http://127.0.0.1:9/hook', '    retries: 0'])),
  ],
  '`export --out FILE` could not write FILE (an existing FILE is left as it was)': async () => [await run(['export', '--out', tempDir()])],
  'any other failure of a run (I/O error, a corrupt page of the archive): the message says what': async () => [],
  'unknown command or option, missing argument, malformed value': async () =>
    Promise.all([
      runCli(['frobnicate']),
      inProcess(['search']),
      inProcess(['search', '计划', '--limit', 'many']),
      inProcess(['show', docId, '--version', 'latest']),
    ]),
  'config file missing, not valid YAML/JSON, unknown key or bad value (the key path is named)': async () =>
    Promise.all([run(['search', '计划'], join(archive.dir, 'nosuch.yaml')), inProcess(['search', '计划'], config('bad.yaml', ['colour: blue']))]),
  'a `${VAR}` that is not set, in a section the command uses (read commands use neither `sinks` nor `proxy`, `headers`, `cookies`)': async () => {
    const path = config('unset.yaml', ['sinks:', '  - type: webhook', '    url: http://127.0.0.1:9/hook', '    secret: ${BW_EXIT_CODES_UNSET}']);
    const [deliver, search] = await Promise.all([run(['deliver'], path), inProcess(['search', '计划'], path)]);
    expect(search.code).toBe(0); // the same config serves a read command
    return [deliver];
  },
  'config checks at load: a cron expression that never fires, an unknown time zone, an alert field key or duplicate alert name, a start URL with a password, a database folder that cannot be made or written':
    async () => [
      await run(['schedule'], config('never.yaml', ['sources:', '  - id: alpha', '    startUrls: ["http://127.0.0.1:9/"]', '    schedule: "0 0 31 2 *"'])),
    ],
  'no sources configured': async () => {
    const path = config('empty.yaml', ['sources: []']);
    return Promise.all([run(['crawl'], path), inProcess(['schedule'], path)]);
  },
  'a name that does not exist: source, field, alert, format, event type or id, document, version': async () => {
    const withSource = config('alpha.yaml', ['sources:', '  - id: alpha', '    startUrls: ["http://127.0.0.1:9/"]']);
    const results = await Promise.all([
      run(['search', '计划', '--source', 'nosuch']),
      inProcess(['export', '--source', 'nosuch']),
      inProcess(['crawl', '--source', 'nosuch'], withSource),
      inProcess(['search', '计划', '--field', 'foo=bar']),
      inProcess(['show', 'nosuch']),
      inProcess(['show', docId, '--version', '9']),
      inProcess(['diff', docId, '--from', '9']),
      inProcess(['events', '--since', 'nosuch']),
    ]);
    expect(results[0].stderr).toContain('--source: no source "nosuch" in the archive or the config: expected one of alpha, beta');
    expect(results[3].stderr).toContain('--field: unknown field "foo"');
    return results;
  },
  'read commands and `deliver`: no archive at the configured path (`run crawl first, or pass --config`), a file that is not an archive, an archive of another schema version':
    async () => {
      const path = join(tempDir(), 'c.yaml');
      writeFileSync(path, `database: ${JSON.stringify(join(archive.dir, 'archve.db'))}\n`);
      return [await run(['search', '计划'], path)];
    },
  '`demo` with `--config`': async () => [await runCli(['demo', '--config', 'x.yaml'])],
  '`--quiet` with `--verbose`, an unknown `--log-format` or `BUREAU_WATCH_LOG_LEVEL`': async () =>
    Promise.all([
      run(['stats', '--quiet', '--verbose']),
      inProcess(['stats', '--log-format', 'xml']),
      runCliInProcess(['stats', '--config', archive.configPath], { env: { BUREAU_WATCH_LOG_LEVEL: 'loud' } }),
    ]),
  'another `crawl` or `schedule` holds the run lock of the same database': async () => {
    const locked = openTestArchive();
    // This test process holds the lock: alive, on this host, with a fresh heartbeat.
    const now = new Date().toISOString();
    locked.db.prepare("INSERT INTO run_lock VALUES ('crawl', 'test', ?, ?, 'schedule', ?, ?)").run(process.pid, hostname(), now, now);
    const path = join(locked.dir, 'with-source.yaml');
    writeFileSync(path, `database: ${JSON.stringify(locked.databasePath)}\nsources: [{ id: alpha, startUrls: ["http://127.0.0.1:9/"] }]\n`);
    return Promise.all([runCli(['crawl', '--config', path]), runCli(['schedule', '--config', path])]);
  },
};

describe('README exit code table', () => {
  const rows = readmeRows();

  it('has a case here for every row, and a row for every case', () => {
    expect(rows.map((row) => row.situation).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const row of rows) {
    it(`exit ${row.code}: ${row.situation}`, async () => {
      const results = await (CASES[row.situation] ?? (async () => []))();
      for (const result of results) {
        expect(result.code, result.stderr).toBe(row.code);
        expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
      }
    });
  }
});
