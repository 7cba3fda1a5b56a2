import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SourceConfig } from '../../src/config/schema.js';
import { sourceSchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { parseLogLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { writeCrawlConfig } from './helpers/crawl-config.js';
import { startHeldSite } from './helpers/held-site.js';
import { spawnCli } from './helpers/process.js';

const source = (id: string): SourceConfig => sourceSchema.parse({ id, startUrls: ['http://127.0.0.1/'], schedule: '0 0 1 1 *' });
const quietLog = createLogger('silent');

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Scheduler', () => {
  it('never runs two passes of one source at once, but runs different sources side by side', async () => {
    const gates = new Map([['a', deferred()], ['b', deferred()]]);
    const started: string[] = [];
    const scheduler = new Scheduler({
      sources: [source('a'), source('b')], log: quietLog, jitterMs: 0,
      runPass: async (s) => {
        started.push(s.id);
        await gates.get(s.id)!.promise;
      },
    });
    const firstA = scheduler.trigger(source('a'));
    const secondA = scheduler.trigger(source('a'));
    const firstB = scheduler.trigger(source('b'));
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']);
    expect(secondA).toBe(firstA);
    gates.get('a')!.resolve();
    await firstA;
    gates.set('a', deferred());
    const thirdA = scheduler.trigger(source('a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'a']);
    gates.get('a')!.resolve();
    gates.get('b')!.resolve();
    await Promise.all([thirdA, firstB]);
  });

  it('waits a random jitter before a scheduled pass, and a stop during the jitter runs nothing', async () => {
    const passes: string[] = [];
    const afterPass: string[] = [];
    const scheduler = new Scheduler({
      sources: [source('a')], log: quietLog, jitterMs: 60_000, random: () => 0.5,
      runPass: async (s) => void passes.push(s.id), afterPass: (s) => void afterPass.push(s.id),
    });
    const pass = scheduler.trigger(source('a'), true); // as a cron tick does: 30 s of jitter
    await scheduler.stop();
    await pass;
    expect(passes).toEqual([]);
    await scheduler.trigger(source('a')); // stopped: nothing starts any more
    expect(passes).toEqual([]);
  });

  it('passes the stop signal to running passes and resolves stop() only when they ended', async () => {
    let sawAbort = false;
    const scheduler = new Scheduler({
      sources: [source('a')], log: quietLog, jitterMs: 0,
      runPass: (_s, signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => {
        sawAbort = true;
        setTimeout(resolve, 20);
      })),
    });
    void scheduler.trigger(source('a'));
    await new Promise((resolve) => setImmediate(resolve));
    await scheduler.stop();
    expect(sawAbort).toBe(true);
  });

  it('rejects an invalid cron expression in the config, naming the key', async () => {
    const dir = tempDir();
    const { configPath } = writeCrawlConfig(dir, 'http://127.0.0.1:9');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { sources: { schedule: string }[] };
    config.sources[0]!.schedule = 'every morning';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(configPath, JSON.stringify(config));
    const result = await runCli(['schedule', '--config', configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources.0.schedule');
    expect(result.stderr).toContain('expected a cron expression');
  });
});

describe('schedule (real child process)', () => {
  it('on SIGTERM finishes the page in hand, stores it, delivers its event and exits 0', async () => {
    const site = await startHeldSite((path) => path.startsWith('/art/'));
    onTestFinished(() => site.close());
    const dir = tempDir();
    const eventsFile = join(dir, 'events.ndjson');
    const { configPath, databasePath } = writeCrawlConfig(dir, site.baseUrl, {
      sinks: [{ type: 'ndjson', path: eventsFile }],
      progress: { intervalSecs: 0.2 },
    });
    const daemon = spawnCli(['schedule', '--run-now', '--config', configPath]);
    onTestFinished(() => void daemon.child.kill('SIGKILL'));
    await site.waitForHeld(); // the pass is in the middle of its first document page
    await daemon.waitForStderr(/"msg":"crawl progress"/);
    const inHand = site.arrived.filter((path) => path.startsWith('/art/'));
    expect(inHand).toHaveLength(1);

    // While it runs, a crawl from cron must not start on the same database.
    const cron = await runCli(['crawl', '--config', configPath]);
    expect(cron.code).toBe(3);
    expect(cron.stderr).toContain('`schedule`');

    daemon.child.kill('SIGTERM');
    await daemon.waitForStderr(/stopping: finishing the pages in hand/);
    site.releaseAll();
    const exit = await daemon.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    // No page was started after the signal; the one in hand was stored and its event delivered.
    expect(site.arrived.filter((path) => path.startsWith('/art/'))).toEqual(inHand);
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    const urls = db.prepare('SELECT url FROM documents').pluck().all();
    expect(urls).toEqual([`${site.baseUrl}${inHand[0]}`]);
    expect(db.prepare('SELECT status FROM runs').pluck().all()).toEqual(['interrupted']);
    expect(db.prepare('SELECT count(*) FROM run_lock').pluck().get()).toBe(0);
    expect(existsSync(eventsFile)).toBe(true);
    const events = readFileSync(eventsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; url: string });
    expect(events.map((event) => [event.type, event.url])).toEqual([['document.created', urls[0]]]);
    const messages = parseLogLines(daemon.stderr()).map((line) => line.msg);
    expect(messages).toContain('source scheduled');
    expect(messages).toContain('scheduler stopped');
  });
});
