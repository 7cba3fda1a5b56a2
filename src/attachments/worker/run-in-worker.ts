/**
 * One read in one worker, with its caps. The worker is given a heap cap at start (resourceLimits), and
 * the read a wall-clock cap: past it the worker is terminated, which stops even a parser stuck in a loop.
 * A worker that runs out of heap or dies is reported as a `failed` result with a typed reason; nothing
 * the file does can throw into, or hang, the caller. The outcome says whether the worker can be reused.
 */
import type { Worker } from 'node:worker_threads';
import { AttachmentReadError } from '../errors.js';
import { identify } from '../identify.js';
import { failedResult } from '../result.js';
import type { AttachmentReadResult, ReadLimits } from '../types.js';
import type { ReadReply, ReadRequest } from './protocol.js';

export interface WorkerOutcome {
  result: AttachmentReadResult;
  /** False when the worker was terminated or died: the caller must not hand it another file. */
  reusable: boolean;
}

let nextRequestId = 1;

export function runInWorker(worker: Worker, bytes: Uint8Array, limits: ReadLimits, ocr: 'auto' | 'off'): Promise<WorkerOutcome> {
  // A copy in a fresh ArrayBuffer, so the transfer never detaches the caller's memory. (Not bytes.slice():
  // on a Buffer that is a view of the same memory.)
  const copy = new Uint8Array(bytes);
  const identification = identify(bytes);
  const request: ReadRequest = { id: nextRequestId++, bytes: copy.buffer, limits, ocr };
  return new Promise((resolve) => {
    const finish = (outcome: WorkerOutcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!outcome.reusable) void worker.terminate();
      resolve(outcome);
    };
    const fail = (error: AttachmentReadError) => finish({ result: failedResult(identification, error), reusable: false });
    const onMessage = (reply: ReadReply) => {
      if (reply.id === request.id) finish({ result: reply.result, reusable: true });
    };
    const onError = (error: Error & { code?: string }) => fail(workerError(error, limits));
    const onExit = (code: number) => fail(new AttachmentReadError('worker-crashed', `expected the reading worker to reply, it exited with code ${code}`));
    const timer = setTimeout(
      () => fail(new AttachmentReadError('timeout', `expected the read to finish within ${limits.timeoutMs} ms, it was still running and was stopped`)),
      limits.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request, [request.bytes]);
  });
}

function workerError(error: Error & { code?: string }, limits: ReadLimits): AttachmentReadError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AttachmentReadError('out-of-memory', `expected the read to fit in ${limits.maxHeapMb} MB of heap, it needed more and was stopped`);
  }
  const detail = error.message.replace(/\s+/g, ' ').slice(0, 300);
  return new AttachmentReadError('worker-crashed', `expected the reading worker to reply, it failed: ${detail}`);
}
