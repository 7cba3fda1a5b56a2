import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseLogLines, runCli, startCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { replicaSource, writeConfig } from '../helpers/config.js';
import { startTestSite } from '../helpers/site.js';

describe('run lock (two real processes)', () => {
  it('makes a second crawl exit 3 (naming the holder, no stack trace) while one runs, and never blocks after the holder was killed', async () => {
    const site = await startTestSite({ root: 'demo' });
    site.hold((path) => path.startsWith('/art/'));
    onTestFinished(() => site.close());
    const { configPath, databasePath } = writeConfig(tempDir(), { sources: [replicaSource(site.baseUrl)] });

    const first = startCli(['crawl', '--config', configPath]);
    onTestFinished(() => void first.child.kill('SIGKILL'));
    await site.waitForHeld(); // the first crawl holds the lock and is in the middle of a document page

    const second = await runCli(['crawl', '--config', configPath]);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`another bureau-watch run holds the lock on database ${databasePath}: \`crawl\` (pid ${first.child.pid}`);
    expect(second.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(second.stdout).toBe('');

    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    site.releaseAll();

    const third = await runCli(['crawl', '--config', configPath]);
    expect(third.code).toBe(0);
    expect(parseLogLines(third.stderr).map((line) => line.msg)).toContain('took over a stale run lock (its process is gone or stopped sending heartbeats)');
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['interrupted', 'ok']);
    expect(db.prepare('SELECT count(*) FROM run_lock').pluck().get()).toBe(0);
    // The run after the takeover archived the whole column, each document once.
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(documents).toBeGreaterThan(1);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(documents);
  });

  it('keeps the lock of a crawl whose event loop is blocked past staleSecs: a second crawl exits 3, the first finishes', async () => {
    const site = await startTestSite({ root: 'demo' });
    site.hold((path) => path.startsWith('/art/'));
    onTestFinished(() => site.close());
    const { configPath, databasePath } = writeConfig(tempDir(), { sources: [replicaSource(site.baseUrl)], lock: { heartbeatSecs: 0.2, staleSecs: 1 } });

    const first = startCli(['crawl', '--config', configPath], { env: { NODE_OPTIONS: `--import=${BLOCK_ON_SIGNAL}`, BW_TEST_BLOCK_MS: '3000' } });
    onTestFinished(() => void first.child.kill('SIGKILL'));
    await site.waitForHeld();
    first.child.kill('SIGUSR2');
    await first.waitForStderr(/test: event loop blocked/);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past staleSecs, still blocked

    const second = await runCli(['crawl', '--config', configPath]);
    expect(second.code, second.stderr).toBe(3);
    expect(second.stderr).toContain(`\`crawl\` (pid ${first.child.pid}`);
    expect(first.stderr()).not.toContain('test: event loop free again'); // the second crawl ran during the block

    site.releaseAll();
    const result = await first.done;
    expect(result.code, result.stderr).toBe(0);
    expect(parseLogLines(result.stderr).map((line) => line.msg)).not.toContain(
      'the run lock was taken over by another process (this one looked stale): no more writes',
    );
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['ok']);
  });

  it('stops writing and exits 1 when its lock was taken over', async () => {
    const site = await startTestSite({ root: 'demo' });
    site.hold((path) => path.startsWith('/art/'));
    onTestFinished(() => site.close());
    const { configPath, databasePath } = writeConfig(tempDir(), { sources: [replicaSource(site.baseUrl)], lock: { heartbeatSecs: 0.2, staleSecs: 60 } });

    const first = startCli(['crawl', '--config', configPath]);
    onTestFinished(() => void first.child.kill('SIGKILL'));
    await site.waitForHeld();
    const db = new Database(databasePath);
    onTestFinished(() => void db.close());
    db.pragma('busy_timeout = 5000');
    // What a second process does when it judged the first stale (a frozen host, a clock jump).
    db.prepare("UPDATE run_lock SET token = 'intruder', pid = ?, command = 'crawl'").run(process.pid);
    const storedAtTakeover = db.prepare('SELECT count(*) FROM documents').pluck().get();
    site.releaseAll();

    const result = await first.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`is now held by \`crawl\` (pid ${process.pid}`);
    expect(result.stderr).toContain('this run stopped writing');
    expect(result.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(storedAtTakeover);
    expect(db.prepare('SELECT status FROM runs').pluck().all()).toEqual(['failed']);
    expect(db.prepare('SELECT token FROM run_lock').pluck().get()).toBe('intruder');
  });
});

const BLOCK_ON_SIGNAL = fileURLToPath(new URL('../helpers/block-on-signal.mjs', import.meta.url));
