/**
 * The caller-facing entry points. Every file is read in a worker thread under a time cap and a heap cap;
 * the result always comes back (status 'ok' or 'failed'), never as a thrown error or a hang.
 *
 * `createAttachmentReader` keeps finished workers for the next file, since starting a worker and loading
 * pdf.js costs far more than reading a typical attachment. A worker that timed out, ran out of memory or
 * died is never reused. Concurrency is the caller's: each concurrent `read` uses its own worker, so
 * run as many at once as the machine can take (the crawl bounds this with its queue).
 */
import type { Worker } from 'node:worker_threads';
import { resolveLimits } from './limits.js';
import type { AttachmentReadResult, ReadOptions } from './types.js';
import { runInWorker } from './worker/run-in-worker.js';
import { spawnReadingWorker } from './worker/spawn.js';

export interface AttachmentReader {
  read(bytes: Uint8Array, options?: ReadOptions): Promise<AttachmentReadResult>;
  /** Stops the idle workers; reads still running finish first. */
  close(): Promise<void>;
}

export interface AttachmentReaderSettings {
  /** Workers kept warm between reads (default 1; 0 starts a fresh worker for every file). */
  keepIdleWorkers?: number;
  /** Options applied to every read unless the read overrides them. */
  defaults?: ReadOptions;
}

interface IdleWorker {
  worker: Worker;
  heapMb: number;
}

export function createAttachmentReader(settings: AttachmentReaderSettings = {}): AttachmentReader {
  const keepIdle = settings.keepIdleWorkers ?? 1;
  const idle: IdleWorker[] = [];
  let closed = false;

  const acquire = (heapMb: number): Worker => {
    const index = idle.findIndex((entry) => entry.heapMb === heapMb);
    const reused = index >= 0 ? idle.splice(index, 1)[0] : undefined;
    const worker = reused?.worker ?? watched(spawnReadingWorker(heapLimits(heapMb)));
    worker.ref();
    return worker;
  };

  // A worker can also fail between reads (a stray rejection after its reply). Without a listener of its
  // own, that 'error' would be thrown in the caller's thread; instead the worker just leaves the pool.
  const watched = (worker: Worker): Worker => {
    const forget = () => {
      const index = idle.findIndex((entry) => entry.worker === worker);
      if (index >= 0) idle.splice(index, 1);
    };
    return worker.on('error', forget).on('exit', forget);
  };

  const release = (worker: Worker, heapMb: number, reusable: boolean) => {
    if (!reusable || closed || idle.length >= keepIdle) {
      void worker.terminate();
      return;
    }
    // An idle worker must not keep the caller's process alive.
    worker.unref();
    idle.push({ worker, heapMb });
  };

  return {
    async read(bytes, options = {}) {
      if (closed) throw new Error('expected an open attachment reader, got one already closed');
      const merged = { ...settings.defaults, ...options };
      const limits = resolveLimits(merged);
      const worker = acquire(limits.maxHeapMb);
      const outcome = await runInWorker(worker, bytes, limits, merged.ocr ?? 'auto');
      release(worker, limits.maxHeapMb, outcome.reusable);
      return outcome.result;
    },
    async close() {
      closed = true;
      await Promise.all(idle.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}

/** Reads one file in a fresh worker that is stopped afterwards. */
export async function readAttachment(bytes: Uint8Array, options: ReadOptions = {}): Promise<AttachmentReadResult> {
  const reader = createAttachmentReader({ keepIdleWorkers: 0 });
  try {
    return await reader.read(bytes, options);
  } finally {
    await reader.close();
  }
}

/** The young generation is capped too, so the old-generation cap is not dodged by short-lived garbage. */
function heapLimits(heapMb: number) {
  return { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)) };
}
