/**
 * At most one crawling process per database (`crawl` or the `schedule` daemon). The lock is a row in
 * the database itself (table run_lock), taken in an IMMEDIATE transaction, so two processes can
 * never both win. It never blocks forever: a holder is stale when, on this host, its process is gone
 * (a killed run), or, anywhere, its heartbeat has not moved for `staleMs` (a hung process, a reused
 * pid, another host).
 *
 * A live holder cannot lose it: the heartbeat is stamped every `heartbeatMs` by a worker thread with
 * its own connection (heartbeat-worker.ts), so a main thread busy for minutes (a hostile page, a
 * long batch) still looks alive. Should the lock be taken over anyway (a clock jump, a frozen
 * process), assertHeld(), run inside every write transaction of the crawl, makes the holder stop
 * writing: it fails with LockLostError instead of writing beside the new holder.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { FatalError, LockedError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { startHeartbeat } from './heartbeat-worker.js';

export interface RunLockOptions {
  /** What holds the lock, for the message the next process sees. */
  command: string;
  /** Where takeovers and heartbeat or release failures are reported. @default nowhere */
  log?: Logger;
  /** How often the holder stamps its heartbeat. @default DEFAULT_HEARTBEAT_MS (15 s) */
  heartbeatMs?: number;
  /** A lock whose heartbeat is older than this is stale. @default DEFAULT_STALE_MS (5 min) */
  staleMs?: number;
  /** Whether a process of this host is alive; injectable for tests. @default a signal-0 probe of the pid */
  isAlive?: (pid: number) => boolean;
}

interface LockRow {
  token: string;
  pid: number;
  hostname: string;
  command: string;
  acquired_at: string;
  heartbeat_at: string;
}

const LOCK_NAME = 'crawl';
export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_STALE_MS = 5 * 60_000;

/** This process's lock was taken over by another: it must not write any more (exit 1). */
export class LockLostError extends FatalError {}

export class RunLock {
  private readonly heartbeat: { worker: Worker | undefined; lost: Int32Array };
  private released = false;

  private constructor(
    private readonly db: Db,
    private readonly databasePath: string,
    private readonly token: string,
    private readonly options: RunLockOptions,
  ) {
    this.heartbeat = startHeartbeat(
      db,
      { name: LOCK_NAME, token, heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS },
      {
        onLost: () => options.log?.error('the run lock was taken over by another process (this one looked stale): no more writes'),
        onWarning: (message) => options.log?.warn({ err: message }, 'run lock heartbeat failed; will retry'),
      },
    );
  }

  /** Takes the lock or throws LockedError (exit code 3) naming the process that holds it. */
  static acquire(db: Db, databasePath: string, options: RunLockOptions): RunLock {
    const token = randomUUID();
    const now = new Date();
    const isAlive = options.isAlive ?? isProcessAlive;
    const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    const previous = db
      .transaction(() => {
        const held = db.prepare('SELECT * FROM run_lock WHERE name = ?').get(LOCK_NAME) as LockRow | undefined;
        if (held && !isStale(held, now, staleMs, isAlive)) throw new LockedError(lockedMessage(held, databasePath, now));
        db.prepare(
          `INSERT OR REPLACE INTO run_lock (name, token, pid, hostname, command, acquired_at, heartbeat_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(LOCK_NAME, token, process.pid, hostname(), options.command, now.toISOString(), now.toISOString());
        return held;
      })
      .immediate();
    if (previous) {
      options.log?.warn(
        { pid: previous.pid, host: previous.hostname, command: previous.command, heartbeatAt: previous.heartbeat_at },
        'took over a stale run lock (its process is gone or stopped sending heartbeats)',
      );
    }
    return new RunLock(db, databasePath, token, options);
  }

  /** Whether the heartbeat thread found the lock taken over. */
  get lost(): boolean {
    return Atomics.load(this.heartbeat.lost, 0) === 1;
  }

  /**
   * Throws LockLostError unless this process still holds the lock. Reads the lock row on the
   * caller's connection: inside a write transaction it is the truth for that transaction.
   */
  assertHeld(): void {
    const held = this.db.prepare('SELECT * FROM run_lock WHERE name = ?').get(LOCK_NAME) as LockRow | undefined;
    if (!this.lost && held?.token === this.token) return;
    Atomics.store(this.heartbeat.lost, 0, 1);
    const by = held ? `\`${held.command}\` (pid ${held.pid} on ${held.hostname}, since ${held.acquired_at})` : 'nobody (the lock row was removed)';
    throw new LockLostError(`the run lock on database ${this.databasePath} is now held by ${by}: this run stopped writing; what it stored until then is kept`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.heartbeat.worker?.postMessage('stop');
    try {
      this.db.prepare('DELETE FROM run_lock WHERE name = ? AND token = ?').run(LOCK_NAME, this.token);
    } catch (error) {
      // A lock left behind is stale as soon as this process exits: never fail a finished run for it.
      this.options.log?.warn({ err: errorMessage(error) }, 'could not release the run lock');
    }
  }
}

function isStale(row: LockRow, now: Date, staleMs: number, isAlive: (pid: number) => boolean): boolean {
  if (row.hostname === hostname() && !isAlive(row.pid)) return true;
  return now.getTime() - Date.parse(row.heartbeat_at) > staleMs;
}

function lockedMessage(row: LockRow, databasePath: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(row.heartbeat_at)) / 1000));
  return (
    `another bureau-watch run holds the lock on database ${databasePath}: \`${row.command}\` (pid ${row.pid} on ${row.hostname}, ` +
    `since ${row.acquired_at}, last heartbeat ${seconds}s ago). Wait for it to finish or stop it; a lock of a dead process is taken over automatically.`
  );
}

/** Signal 0 tests for existence: ESRCH means gone, EPERM means alive but not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
