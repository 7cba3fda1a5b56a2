import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LockedError } from '../../src/errors.js';
import { RunLock } from '../../src/lock/run-lock.js';
import { openDatabase } from '../../src/store/database.js';
import { parseLogLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { writeCrawlConfig } from './helpers/crawl-config.js';
import { startHeldSite } from './helpers/held-site.js';
import { spawnCli } from './helpers/process.js';

function openLockDb() {
  const path = join(tempDir(), 'lock.db');
  const db = openDatabase(path);
  onTestFinished(() => void db.close());
  return { db, path };
}

describe('run lock (in process)', () => {
  it('lets one holder in and names it to the next, until released', () => {
    const { db, path } = openLockDb();
    const lock = RunLock.acquire(db, path, { command: 'crawl' });
    let refused: unknown;
    try {
      RunLock.acquire(db, path, { command: 'schedule' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LockedError);
    expect((refused as LockedError).exitCode).toBe(3);
    expect((refused as Error).message).toContain(`another bureau-watch run holds the lock on database ${path}: \`crawl\` (pid ${process.pid} on ${hostname()}`);
    lock.release();
    RunLock.acquire(db, path, { command: 'schedule' }).release();
  });

  it('takes over a lock whose process is gone, or whose heartbeat stopped', () => {
    const { db, path } = openLockDb();
    RunLock.acquire(db, path, { command: 'crawl' });
    // Same host, process gone: stale at once.
    const afterDeath = RunLock.acquire(db, path, { command: 'crawl', isAlive: () => false });
    // Process alive (or pid reused) but no heartbeat for longer than staleMs: stale too.
    db.prepare("UPDATE run_lock SET heartbeat_at = '2000-01-01T00:00:00.000Z'").run();
    const afterSilence = RunLock.acquire(db, path, { command: 'crawl', staleMs: 60_000 });
    afterSilence.release();
    afterDeath.release(); // releasing a lock taken over is harmless
    expect(db.prepare('SELECT count(*) FROM run_lock').pluck().get()).toBe(0);
  });

  it('trusts only the heartbeat for a holder on another host', () => {
    const { db, path } = openLockDb();
    db.prepare(`INSERT INTO run_lock (name, token, pid, hostname, command, acquired_at, heartbeat_at)
      VALUES ('crawl', 't', 999999, 'other-host', 'crawl', ?, ?)`).run(new Date().toISOString(), new Date().toISOString());
    expect(() => RunLock.acquire(db, path, { command: 'crawl', isAlive: () => false })).toThrow(LockedError);
  });
});

describe('run lock (two real processes)', () => {
  it('makes a second crawl exit 3 while one runs, and never blocks after the holder was killed', async () => {
    const site = await startHeldSite((path) => path.startsWith('/art/'));
    onTestFinished(() => site.close());
    const { configPath, databasePath } = writeCrawlConfig(tempDir(), site.baseUrl);

    const first = spawnCli(['crawl', '--config', configPath]);
    onTestFinished(() => void first.child.kill('SIGKILL'));
    await site.waitForHeld(); // the first crawl holds the lock and is in the middle of a document page

    const second = await runCli(['crawl', '--config', configPath]);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`another bureau-watch run holds the lock on database ${databasePath}: \`crawl\` (pid ${first.child.pid}`);
    expect(second.stdout).toBe('');

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    site.releaseAll();

    const third = await runCli(['crawl', '--config', configPath]);
    expect(third.code).toBe(0);
    expect(parseLogLines(third.stderr).map((line) => line.msg)).toContain('took over a stale run lock (its process is gone or stopped sending heartbeats)');
    const db = new Database(databasePath, { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['interrupted', 'ok']);
    expect(db.prepare('SELECT count(*) FROM run_lock').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBeGreaterThan(0);
  });
});
