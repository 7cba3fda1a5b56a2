/** Starts a reading worker (./entry) from wherever this module runs: dist, or the sources under tsx. */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { spawnSiblingWorker } from '../../worker-thread.js';

export function spawnReadingWorker(resourceLimits: ResourceLimits): Worker {
  return spawnSiblingWorker(import.meta.url, './entry', { resourceLimits });
}
