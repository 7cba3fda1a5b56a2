import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import Database from 'better-sqlite3';
import { LockedError } from '../../src/errors.js';
import { LockLostError, RunLock } from '../../src/lock/run-lock.js';
import { openDatabase } from '../../src/store/database.js';
import { waitFor } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

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
    db.prepare(
      `INSERT INTO run_lock (name, token, pid, hostname, command, acquired_at, heartbeat_at)
      VALUES ('crawl', 't', 999999, 'other-host', 'crawl', ?, ?)`,
    ).run(new Date().toISOString(), new Date().toISOString());
    expect(() => RunLock.acquire(db, path, { command: 'crawl', isAlive: () => false })).toThrow(LockedError);
  });

  it('keeps stamping its heartbeat while the main thread is busy, so a live holder is never stale', () => {
    const { db, path } = openLockDb();
    const lock = RunLock.acquire(db, path, { command: 'crawl', heartbeatMs: 50 });
    onTestFinished(() => lock.release());
    const heartbeat = () => Date.parse(db.prepare('SELECT heartbeat_at FROM run_lock').pluck().get() as string);
    const before = heartbeat();
    // The main thread is blocked (no timer of it runs; it sleeps in Atomics.wait between looks) until the
    // thread has stamped for 400 ms; the deadline only bounds a failure, so a loaded machine that starts
    // the thread late slows the test, not fails it.
    const deadline = Date.now() + 20_000;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    while (heartbeat() - before <= 400 && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 10);
    expect(heartbeat() - before).toBeGreaterThan(400);
    const other = new Database(path);
    onTestFinished(() => void other.close());
    expect(() => RunLock.acquire(other, path, { command: 'crawl', staleMs: 300, isAlive: () => true })).toThrow(LockedError);
  });

  it('notices when its lock was taken over and refuses to write from then on', async () => {
    const { db, path } = openLockDb();
    const lock = RunLock.acquire(db, path, { command: 'crawl', heartbeatMs: 20 });
    onTestFinished(() => lock.release());
    expect(() => lock.assertHeld()).not.toThrow();
    db.prepare("UPDATE run_lock SET token = 'intruder', pid = 4242, command = 'schedule'").run();
    await waitFor(() => lock.lost, 'the heartbeat thread to notice', 5_000);
    expect(() => lock.assertHeld()).toThrow(LockLostError);
    expect(() => lock.assertHeld()).toThrow(`the run lock on database ${path} is now held by \`schedule\` (pid 4242 on ${hostname()}`);
  });
});
