import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FatalError, RetryableError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { WriteQueue } from '../../src/store/write-queue.js';
import { tempDir } from '../helpers/temp.js';

/** The archive (migrated) and a second connection to it, as another process would have. */
function twoConnections() {
  const path = join(tempDir('bw-wq-'), 'archive.db');
  const db = openDatabase(path);
  const other = new Database(path);
  other.pragma('busy_timeout = 0');
  onTestFinished(() => {
    other.close();
    db.close();
  });
  return { db, other, path };
}

const setting = (db: Database.Database, key: string) => db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);

describe('WriteQueue beside other writers', () => {
  it('holds the write lock from the start of a batch: a commit by another connection cannot slip between its read and its write', () => {
    const { db, other } = twoConnections();
    const errors: unknown[] = [];
    let otherWrite: unknown = 'not tried';
    const queue = new WriteQueue(db, { onWriteError: (error) => errors.push(error) });
    queue.push(() => {
      db.prepare('SELECT count(*) FROM settings').get(); // the batch reads first, as recording a page does
      try {
        other.prepare("INSERT INTO settings (key, value) VALUES ('other', '1')").run();
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      db.prepare("INSERT INTO settings (key, value) VALUES ('mine', '1')").run();
    });
    queue.flush();
    // A deferred batch would have let the other commit in, then failed with SQLITE_BUSY_SNAPSHOT.
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(errors).toEqual([]);
    expect(setting(db, 'mine')).toBe('1');
  });

  it('tries a batch again while another process keeps the write lock, and stores it once the lock is free', async () => {
    const { db, path } = twoConnections();
    db.pragma('busy_timeout = 20');
    const holder = holdWriteLock(path, 300);
    onTestFinished(async () => {
      await holder.worker.terminate();
    });
    await holder.locked;
    const errors: unknown[] = [];
    const queue = new WriteQueue(db, { busyRetries: 6, busyBackoffMs: 40, onWriteError: (error) => errors.push(error) });
    queue.push(() => db.prepare("INSERT INTO settings (key, value) VALUES ('late', '1')").run());
    queue.flush();
    expect(queue.busyRetries).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(setting(db, 'late')).toBe('1');
  });

  it('reports every write of a batch the database stays busy for, commits none, and writes again afterwards', () => {
    const { db, other } = twoConnections();
    db.pragma('busy_timeout = 5');
    other.exec('BEGIN IMMEDIATE');
    const failed: unknown[] = [];
    const queue = new WriteQueue(db, { busyRetries: 2, busyBackoffMs: 5 });
    for (const key of ['a', 'b'])
      queue.push(
        () => db.prepare('INSERT INTO settings (key, value) VALUES (?, 1)').run(key),
        (error) => failed.push(error),
      );
    queue.flush();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toBeInstanceOf(RetryableError);
    expect((failed[0] as Error).message).toMatch(/^database busy \(.*\) after 3 tries: page not stored/);
    other.exec('ROLLBACK');
    queue.push(() => db.prepare("INSERT INTO settings (key, value) VALUES ('c', 1)").run());
    queue.flush();
    expect(db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['c']);
  });

  it('commits nothing of a batch whose guard refuses (the run lock was taken over)', () => {
    const { db } = twoConnections();
    const queue = new WriteQueue(db, {
      guard: () => {
        throw new FatalError('lock lost');
      },
    });
    queue.push(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', 1)").run());
    expect(() => queue.flush()).toThrow('lock lost');
    expect(setting(db, 'x')).toBeUndefined();
  });
});

/** A worker thread (another connection, as another process would be) that holds the write lock for `ms`. */
function holdWriteLock(path: string, ms: number): { worker: Worker; locked: Promise<void> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.path);
    db.exec('BEGIN IMMEDIATE');
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
    db.exec('COMMIT');
    db.close();
  `,
    { eval: true, workerData: { path, ms, driver: createRequire(import.meta.url).resolve('better-sqlite3') } },
  );
  return { worker, locked: new Promise((resolve) => worker.once('message', () => resolve())) };
}
