import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { markStaleRunsInterrupted } from '../store/runs.js';
import { isProcessAlive, RunLock } from './run-lock.js';

/**
 * Runs `work` holding the database's run lock (LockedError, exit 3, when another process holds it).
 * Holding the lock proves no other run is live, so runs left 'running' by a killed process are
 * marked interrupted first.
 */
export async function withRunLock<T>(db: Db, databasePath: string, command: string, log: Logger, work: () => Promise<T>): Promise<T> {
  const lock = RunLock.acquire(db, databasePath, { command, log });
  try {
    const stale = markStaleRunsInterrupted(db, isProcessAlive);
    if (stale > 0) log.warn({ runs: stale }, 'runs left unfinished by a process that is gone were marked interrupted');
    return await work();
  } finally {
    lock.release();
  }
}
