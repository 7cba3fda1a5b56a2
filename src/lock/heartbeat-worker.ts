/**
 * The run lock's heartbeat, in a worker thread with its own database connection: the main thread
 * may be busy for minutes (parsing a hostile page, a long write batch waiting for the database),
 * and a heartbeat on its event loop would then stop, letting another process take a live run's
 * lock. The worker stamps `heartbeat_at` every `heartbeatMs`; when its UPDATE finds the row no
 * longer ours, it sets a flag shared with the main thread (read without the event loop) and says so.
 *
 * The worker's code is a small CommonJS script given as text (no file to find from dist or from
 * the TypeScript sources), loading the same better-sqlite3 the main thread uses.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/database.js';

export interface HeartbeatTarget {
  name: string;
  token: string;
  heartbeatMs: number;
}

export interface HeartbeatListeners {
  onLost(): void;
  onWarning(message: string): void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const lost = new Int32Array(workerData.lost);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 10000');
const stamp = db.prepare('UPDATE run_lock SET heartbeat_at = ? WHERE name = ? AND token = ?');
const timer = setInterval(() => {
  try {
    if (stamp.run(new Date().toISOString(), workerData.name, workerData.token).changes === 0) {
      Atomics.store(lost, 0, 1);
      clearInterval(timer);
      parentPort.postMessage({ lost: true });
    }
  } catch (error) {
    parentPort.postMessage({ warning: String((error && error.message) || error) });
  }
}, workerData.heartbeatMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Starts the heartbeat thread for the lock row `target` of the database `db` is connected to. An
 * in-memory database has no other process to share it with: it gets no thread.
 */
export function startHeartbeat(db: Db, target: HeartbeatTarget, listeners: HeartbeatListeners): { worker: Worker | undefined; lost: Int32Array } {
  const lost = new Int32Array(new SharedArrayBuffer(4));
  if (db.memory) return { worker: undefined, lost };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // execArgv: []: the caller's Node flags and preloads are not the worker's business.
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { ...target, path: db.name, driver, lost: lost.buffer } });
  worker.on('message', (message: { lost?: boolean; warning?: string }) => {
    if (message.lost) listeners.onLost();
    else if (message.warning) listeners.onWarning(message.warning);
  });
  worker.on('error', (error) => listeners.onWarning(error.message));
  // The thread never keeps a finished process alive; release() stops it sooner.
  worker.unref();
  return { worker, lost };
}
