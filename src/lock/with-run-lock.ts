import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { markStaleRunsInterrupted } from '../store/runs.js';
import { isProcessAlive, RunLock } from './run-lock.js';

/** The lock's timing (config `lock`). */
export interface LockTiming {
  heartbeatSecs: number;
  staleSecs: number;
}

/**
 * Runs `work` holding the database's run lock (LockedError, exit 3, when another process holds it).
 * Holding the lock proves no other run is live, so runs left 'running' by a killed process are
 * marked interrupted first. `work` gets the lock to check it inside its writes (RunLock.assertHeld).
 */
export async function withRunLock<T>(
  db: Db,
  databasePath: string,
  command: string,
  log: Logger,
  work: (lock: RunLock) => Promise<T>,
  timing?: LockTiming,
): Promise<T> {
  const lock = RunLock.acquire(db, databasePath, {
    command,
    log,
    ...(timing ? { heartbeatMs: timing.heartbeatSecs * 1000, staleMs: timing.staleSecs * 1000 } : {}),
  });
  try {
    const stale = markStaleRunsInterrupted(db, isProcessAlive);
    if (stale > 0) log.warn({ runs: stale }, 'runs left unfinished by a process that is gone were marked interrupted');
    return await work(lock);
  } finally {
    lock.release();
  }
}
