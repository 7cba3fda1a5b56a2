import { FatalError, errorMessage } from '../errors.js';
import type { Db } from './database.js';

export interface WriteQueueOptions {
  /** Flush once this many writes are pending. @default 64 */
  maxPending?: number;
  /** Flush pending writes at the latest after this delay. @default 250 */
  maxDelayMs?: number;
  /** Called when one write fails on its own (the others in the batch still commit). @default the failure is dropped */
  onWriteError?: (error: unknown) => void;
}

/** SQLite errors after which nothing more can be written: the run must stop, not skip a page. */
const FATAL_SQLITE_CODES = /^SQLITE_(FULL|IOERR|CORRUPT|READONLY|CANTOPEN|NOTADB|PERM)/;

/**
 * Batches writes into one transaction (one fsync per batch instead of per page). Each write runs in
 * its own savepoint, so a write that fails alone rolls back alone; a disk-level failure rolls back
 * the whole batch and surfaces as a FatalError: nothing is ever half-written.
 */
export class WriteQueue {
  private pending: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A failure of a timer-driven flush, rethrown to the next caller (a timer has nobody to throw to). */
  private failure: Error | undefined;
  private readonly maxPending: number;
  private readonly maxDelayMs: number;

  constructor(private readonly db: Db, private readonly options: WriteQueueOptions = {}) {
    this.maxPending = options.maxPending ?? 64;
    this.maxDelayMs = options.maxDelayMs ?? 250;
  }

  push(write: () => void): void {
    this.throwIfFailed();
    this.pending.push(write);
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
    try {
      this.db.transaction(() => writes.forEach((write) => this.runOne(write)))();
    } catch (error) {
      throw new FatalError(`database write failed, last ${writes.length} page(s) not stored: ${errorMessage(error)}`, 1, { cause: error });
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

  private runOne(write: () => void): void {
    try {
      this.db.transaction(write)();
    } catch (error) {
      if (isFatalSqliteError(error)) throw error;
      this.options.onWriteError?.(error);
    }
  }
}

function isFatalSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FATAL_SQLITE_CODES.test(code);
}
