/**
 * The crawl's one writer: batches writes into one transaction (one fsync per batch instead of per
 * page). Each write runs in its own savepoint, so a write that fails alone rolls back alone; a
 * disk-level failure rolls back the whole batch and surfaces as a FatalError: nothing is ever
 * half-written.
 *
 * Other processes write the same database (`deliver` moving cursors, another command's run row), so
 * a batch takes the write lock when it begins (BEGIN IMMEDIATE): a deferred transaction reads first
 * and then fails to upgrade with SQLITE_BUSY_SNAPSHOT when another process committed in between,
 * which the busy timeout cannot wait out. A batch the database keeps busy beyond the connection's
 * busy timeout is tried again a few times with backoff; a write that still cannot be stored is
 * reported to its own error callback (the crawl counts it as an error of its source).
 */
import { FatalError, RetryableError, errorMessage } from '../errors.js';
import type { Db } from './database.js';

export interface WriteQueueOptions {
  /** Flush once this many writes are pending. @default 64 */
  maxPending?: number;
  /** Flush pending writes at the latest after this delay. @default 250 */
  maxDelayMs?: number;
  /** Called when one write fails on its own (the others in the batch still commit). @default the failure is dropped */
  onWriteError?: (error: unknown) => void;
  /**
   * Runs first inside every batch's transaction and throws a FatalError when this process may no
   * longer write (its run lock was taken over): the batch then commits nothing. @default none
   */
  guard?: () => void;
  /** Further tries of a batch that found the database busy. @default 5 */
  busyRetries?: number;
  /** Wait before the first further try; doubled for each next one. @default 50 */
  busyBackoffMs?: number;
  /** Called after each committed batch (the crawl's search indexer looks for due rows). @default none */
  afterCommit?: () => void;
}

/** A write, and who hears that it could not be stored. */
interface PendingWrite {
  write: () => void;
  onError?: ((error: unknown) => void) | undefined;
}

/** SQLite errors after which nothing more can be written: the run must stop, not skip a page. */
const FATAL_SQLITE_CODES = /^SQLITE_(FULL|IOERR|CORRUPT|READONLY|CANTOPEN|NOTADB|PERM)/;

export class WriteQueue {
  private pending: PendingWrite[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A failure of a timer-driven flush, rethrown to the next caller (a timer has nobody to throw to). */
  private failure: Error | undefined;
  private readonly maxPending: number;
  private readonly maxDelayMs: number;
  /** Batches that found the database busy and were tried again (for tests and logs). */
  busyRetries = 0;

  constructor(
    private readonly db: Db,
    private readonly options: WriteQueueOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 64;
    this.maxDelayMs = options.maxDelayMs ?? 250;
  }

  /** Queues a write; `onError` hears when it could not be stored (after the batch ended). */
  push(write: () => void, onError?: (error: unknown) => void): void {
    this.throwIfFailed();
    this.pending.push({ write, onError });
    if (this.pending.length >= this.maxPending) this.flush();
    else this.timer ??= setTimeout(() => this.flushFromTimer(), this.maxDelayMs);
  }

  flush(): void {
    this.throwIfFailed();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const writes = this.pending;
    this.pending = [];
    this.commitWithRetries(writes);
  }

  /**
   * Commits the batch. A write that fails alone is reported at once, inside the batch, so a later
   * write of the same batch (the listing's completion) already sees it. When the database stays
   * busy, no write of the batch ran, and every one is reported.
   */
  private commitWithRetries(writes: PendingWrite[]): void {
    const retries = this.options.busyRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      try {
        this.db
          .transaction(() => {
            this.options.guard?.();
            for (const entry of writes) this.runOne(entry);
          })
          .immediate();
        this.options.afterCommit?.();
        return;
      } catch (error) {
        if (error instanceof FatalError) throw error;
        if (!isBusy(error))
          throw new FatalError(`database write failed, last ${writes.length} page(s) not stored: ${errorMessage(error)}`, 1, { cause: error });
        if (attempt >= retries) {
          const busy = new RetryableError(
            `database busy (${errorMessage(error)}) after ${retries + 1} tries: page not stored; another process kept the write lock`,
          );
          for (const entry of writes) this.report(entry, busy);
          return;
        }
        this.busyRetries++;
        sleepSync((this.options.busyBackoffMs ?? 50) * 2 ** attempt);
      }
    }
  }

  private flushFromTimer(): void {
    try {
      this.flush();
    } catch (error) {
      this.failure = error as Error; // flush() throws FatalErrors only
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private runOne(entry: PendingWrite): void {
    try {
      this.db.transaction(entry.write)();
    } catch (error) {
      if (error instanceof FatalError || isFatalSqliteError(error) || isBusy(error)) throw error;
      this.report(entry, error);
    }
  }

  private report(entry: PendingWrite, error: unknown): void {
    this.options.onWriteError?.(error);
    entry.onError?.(error);
  }
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function isFatalSqliteError(error: unknown): boolean {
  return FATAL_SQLITE_CODES.test(sqliteCode(error));
}

/** SQLITE_BUSY and its extended codes (…_SNAPSHOT, …_TIMEOUT, …_RECOVERY): another connection holds a lock. */
export function isBusy(error: unknown): boolean {
  return sqliteCode(error).startsWith('SQLITE_BUSY');
}

/** Blocks this thread (better-sqlite3 is synchronous: the batch is in hand); the run lock's heartbeat runs in its own thread. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
