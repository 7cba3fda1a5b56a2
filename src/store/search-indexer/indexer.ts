/**
 * Search indexing behind a crawl. While the crawl runs, its connection's version triggers only mark
 * rows due (setSearchIndexing 'deferred'); once a run has stored enough texts to be worth a thread,
 * a worker (entry.ts) indexes them alongside the crawl, on a second core. `finish` waits until
 * nothing is due, so a crawl that returns is fully searchable, as before. Tokenizing a text for the
 * two full-text indexes is ~4 ms: ~30% of a first crawl's main thread (docs/benchmarks.md).
 *
 * Nothing is lost when the worker cannot help: a worker that fails to start or dies leaves its rows
 * due, the crawl's connection goes back to indexing inline, and `finish` indexes what is left in
 * this thread. Rows a killed run left due are indexed by the next crawl's `finish`.
 */
import type { Worker } from 'node:worker_threads';
import { ExitCode, FatalError, errorMessage } from '../../errors.js';
import { spawnSiblingWorker } from '../../worker-thread.js';
import type { Db } from '../database.js';
import { indexDueSearchRows, unindexedSearchRows } from '../search-index.js';
import { setSearchIndexing } from '../sql-functions.js';
import type { FinishRequest, IndexerData, IndexerReply } from './protocol.js';

export interface SearchIndexerOptions {
  /** Due rows from which a worker starts; fewer are indexed in this thread at `finish`. @default 32 */
  workerFrom?: number;
  /** Hears why the worker could not help (the crawl logs it as a warning). @default ignored */
  onUnavailable?: (reason: string) => void;
  /** Starts the worker (tests give one that fails). @default the sibling entry.ts/js */
  spawn?: (data: IndexerData) => Worker;
}

/** Rows per transaction when this thread indexes (at `finish`, or after the worker failed). */
const ROWS_PER_TRANSACTION = 64;

/** A started worker, and its one reply (finished, or failed: an error or an exit says so too). */
interface RunningWorker {
  worker: Worker;
  reply: Promise<IndexerReply>;
}

export class SearchIndexer {
  private running: RunningWorker | undefined;
  /** False for an in-memory database: a second connection cannot open it, so it indexes inline, as always. */
  private readonly deferred: boolean;
  private unavailable = false;
  /** Rows the worker indexed (the rest, if any, were indexed in this thread). */
  indexedByWorker = 0;

  constructor(
    private readonly db: Db,
    private readonly options: SearchIndexerOptions = {},
  ) {
    this.deferred = !db.memory;
    if (this.deferred) setSearchIndexing(db, 'deferred');
  }

  /** Called after each committed write batch: starts the worker once enough is due. */
  afterCommit(): void {
    if (!this.deferred || this.running || this.unavailable) return;
    if (unindexedSearchRows(this.db) < (this.options.workerFrom ?? 32)) return;
    try {
      this.running = this.startWorker();
    } catch (error) {
      this.giveUp(`cannot start the search indexer thread (${errorMessage(error)}): indexing in the crawl's own thread`);
    }
  }

  /**
   * Waits for the worker to index everything due, then indexes in this thread whatever is still due
   * (small runs, a failed worker, rows an earlier killed run left). Returns the connection to inline
   * indexing. Call after the crawl's last write batch is committed.
   */
  async finish(): Promise<void> {
    try {
      if (this.running) {
        this.running.worker.postMessage({ type: 'finish' } satisfies FinishRequest);
        const reply = await this.running.reply; // a failure was reported as it came (startWorker)
        if (reply.type === 'finished') this.indexedByWorker = reply.indexed;
      }
      this.indexHere();
    } finally {
      await this.abort();
    }
  }

  /** Stops the worker without waiting for it (a failed run): what is due stays due for the next crawl. */
  async abort(): Promise<void> {
    setSearchIndexing(this.db, 'inline');
    await this.running?.worker.terminate();
  }

  private indexHere(): void {
    try {
      while (indexDueSearchRows(this.db, ROWS_PER_TRANSACTION) > 0);
    } catch (error) {
      throw new FatalError(`search indexing failed: ${errorMessage(error)} (the documents are stored; the next crawl indexes what is left)`, ExitCode.failed, {
        cause: error,
      });
    }
  }

  private startWorker(): RunningWorker {
    const data: IndexerData = { path: this.db.name };
    const worker = this.options.spawn?.(data) ?? spawnSiblingWorker(import.meta.url, './entry', { workerData: data });
    const reply = new Promise<IndexerReply>((resolve) => {
      worker.once('message', (message: IndexerReply) => resolve(message));
      worker.once('error', (error) => resolve({ type: 'failed', message: errorMessage(error) }));
      worker.once('exit', (code) => resolve({ type: 'failed', message: `it exited with code ${code}` }));
    });
    // A worker that fails mid-run: index inline from then on, rather than leave the rest to `finish`.
    void reply.then((outcome) => {
      if (outcome.type === 'failed') this.giveUp(`the search indexer thread failed (${outcome.message}): indexing in the crawl's own thread`);
    });
    return { worker, reply };
  }

  private giveUp(reason: string): void {
    if (this.unavailable) return;
    this.unavailable = true;
    setSearchIndexing(this.db, 'inline');
    this.options.onUnavailable?.(reason);
  }
}
