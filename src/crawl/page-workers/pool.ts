/**
 * The run's page workers: threads that decode, parse, extract and prepare pages (prepared-page.ts)
 * while the crawl's own thread fetches and writes. On this workload one thread is bound by its CPU
 * (docs/benchmarks.md): the page work is the part that needs no database, so it moves.
 *
 * A run's first pages are processed in the crawl's own thread: a small run (a test, a column with a
 * few new items) never pays a worker's start-up. A page that throws is reported as processPage's own
 * error would be; a worker that runs out of heap, dies, or exceeds the time cap is replaced, and its
 * page reported as an error with the reason.
 */
import { Buffer } from 'node:buffer';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FetchedResponse } from '../../fetch/types.js';
import { spawnSiblingWorker } from '../../worker-thread.js';
import { processPage, type ProcessedPage } from '../process-page.js';
import type { PageReply, PageRequest, WorkerReady } from './protocol.js';

export interface PageWorkerOptions {
  /** Worker threads; 'auto': autoThreads(); 0: every page in the crawl's own thread. */
  threads: number | 'auto';
  /** Pages processed in the crawl's own thread before the workers start. */
  inProcessPages: number;
  /** Heap cap of each worker (V8 old generation), in MB. */
  maxHeapMb: number;
  /** Time one page may take in a worker before the worker is stopped. */
  timeoutMs: number;
  /** Hears why workers could not be used: the run's remaining pages are then processed in its own thread. @default ignored */
  onUnavailable?: (reason: string) => void;
}

/** Workers that die before they are ready, in a row, after which the run stops starting them. */
const DEAD_ON_ARRIVAL_LIMIT = 3;

interface Task {
  request: PageRequest;
  resolve: (page: ProcessedPage) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker loaded its modules and said so: a failure after that is its page's, not its start's. */
  ready?: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

export class PageWorkers {
  private readonly threads: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private processed = 0;
  private nextId = 1;
  /** Workers started so far, replacements included (for tests and logs). */
  started = 0;
  private closed = false;
  private deadOnArrival = 0;

  constructor(private readonly options: PageWorkerOptions) {
    this.threads = options.threads === 'auto' ? autoThreads(availableParallelism()) : options.threads;
  }

  /** The page processed (in a worker once the run is past its first pages); rejects as processPage would throw. */
  process(response: FetchedResponse, sourceId: string): Promise<ProcessedPage> {
    if (this.threads === 0 || this.closed || this.processed++ < this.options.inProcessPages || this.deadOnArrival >= DEAD_ON_ARRIVAL_LIMIT) {
      return new Promise((resolve) => resolve(processPage(response, sourceId)));
    }
    return new Promise<ProcessedPage>((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, response: transferable(response), sourceId }, resolve, reject });
      this.dispatch();
    }).then((page) => withOwnBodies(page, response));
  }

  /** Stops the workers; pages still waiting or in hand fail (the crawl stores nothing more after this). */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('expected the page to be processed, the run ended first'));
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, 'the run ended first')));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((candidate) => !candidate.task) ?? this.newSlot();
      if (!slot) return;
      const task = this.waiting.shift()!;
      slot.task = task;
      if (slot.ready) this.startTimer(slot);
      // Cloned, not transferred: a worker that dies while starting leaves the page to the next one.
      slot.worker.postMessage(task.request);
    }
  }

  /** The page's time counts from when its worker is ready: a worker's start-up is not the page's. */
  private startTimer(slot: Slot): void {
    const { timeoutMs } = this.options;
    slot.timer = setTimeout(() => this.fail(slot, `expected the page to be processed within ${timeoutMs} ms, it was still running and was stopped`), timeoutMs);
  }

  private newSlot(): Slot | undefined {
    if (this.slots.length >= this.threads) return undefined;
    const worker = spawnSiblingWorker(import.meta.url, './entry', { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } });
    this.started++;
    // A worker waiting for pages must not keep a finished run's process alive.
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (reply: PageReply | WorkerReady) => this.answer(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => this.fail(slot, workerError(error, this.options.maxHeapMb)));
    worker.on('exit', (code) => this.fail(slot, `expected the page worker to reply, it exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private answer(slot: Slot, reply: PageReply | WorkerReady): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.deadOnArrival = 0;
      if (slot.task) this.startTimer(slot);
      return;
    }
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    if (reply.ok) task.resolve(reply.page);
    else task.reject(new Error(reply.message));
    this.dispatch();
  }

  /**
   * The worker is lost and a new one takes the next page. Its page fails with the reason, unless the
   * worker died while starting: that is not the page's doing, and the page waits for the next worker.
   */
  private fail(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    if (!slot.ready && slot.task) this.waiting.unshift(slot.task);
    if (!slot.ready) slot.task = undefined;
    void this.retire(slot, reason);
    if (!slot.ready && ++this.deadOnArrival === DEAD_ON_ARRIVAL_LIMIT) this.processWaitingHere(reason);
    this.dispatch();
  }

  /** Workers keep dying before they are ready (they cannot start here): the pages are processed in this thread. */
  private processWaitingHere(reason: string): void {
    this.options.onUnavailable?.(
      `${DEAD_ON_ARRIVAL_LIMIT} page workers in a row stopped while starting (${reason}): pages are processed in the crawl's own thread`,
    );
    for (const task of this.waiting.splice(0)) {
      try {
        task.resolve(processPage(task.request.response, task.request.sourceId));
      } catch (error) {
        task.reject(error as Error);
      }
    }
  }

  private async retire(slot: Slot, reason: string): Promise<void> {
    clearTimeout(slot.timer);
    slot.task?.reject(new Error(reason));
    slot.task = undefined;
    slot.worker.removeAllListeners();
    await slot.worker.terminate();
  }
}

/**
 * One worker per core beyond the crawl's own. On 2 cores this paid only once search indexing had left
 * the crawl's thread too (src/store/search-indexer/): before, the bench measured no faster crawl and
 * ~5 % more CPU; after, 7–9 % less wall time for 2–4 % more CPU (docs/benchmarks.md).
 */
export function autoThreads(cores: number): number {
  return Math.max(0, cores - 1);
}

/**
 * The response with its body in an ArrayBuffer of its own: postMessage clones a view's whole
 * ArrayBuffer, which for a slice of Node's shared pool is the pool. A body that owns its buffer
 * already (most: Crawlee concatenates the stream) goes as it is.
 */
function transferable(response: FetchedResponse): FetchedResponse {
  const { body } = response;
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) return response;
  const copy = new Uint8Array(body);
  return { ...response, body: Buffer.from(copy.buffer, 0, copy.byteLength) };
}

/** The worker's page with the crawl's own body buffers back in place, and the encoded blob as the Buffer SQLite binds. */
function withOwnBodies(page: ProcessedPage, response: FetchedResponse): ProcessedPage {
  if (page.kind !== 'document') return page;
  const { rawBlob } = page.snapshot;
  return {
    kind: 'document',
    snapshot: {
      ...page.snapshot,
      rawBody: response.body,
      originalBody: response.original?.body,
      rawBlob: rawBlob && { ...rawBlob, data: Buffer.from(rawBlob.data.buffer, rawBlob.data.byteOffset, rawBlob.data.byteLength) },
    },
  };
}

function workerError(error: Error & { code?: string }, maxHeapMb: number): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `expected the page to be processed in ${maxHeapMb} MB of heap, it needed more and was stopped`;
  return `expected the page worker to reply, it failed: ${error.message.replace(/\s+/g, ' ').slice(0, 300)}`;
}
