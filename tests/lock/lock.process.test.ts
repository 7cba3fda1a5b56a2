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
});
