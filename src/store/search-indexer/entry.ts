/**
 * The background search indexer's thread: its own connection to the crawl's database, indexing due
 * rows (src/store/search-index.ts) in short transactions while the crawl writes, until told to
 * finish and nothing is due. Short transactions keep the crawl's writer from waiting long for the
 * write lock; the indexer only ever writes the search indexes, derived from what the crawl stored.
 */
import { setImmediate as yieldToEvents, setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../errors.js';
import { openDatabase } from '../database.js';
import { indexDueSearchRows } from '../search-index.js';
import type { FinishRequest, IndexerData, IndexerReply } from './protocol.js';

/** Rows per transaction: ~4 ms of tokenizing each, so the crawl's writer waits ~30 ms at most. */
const ROWS_PER_TRANSACTION = 8;
/** How often an idle indexer looks for newly stored texts. */
const POLL_MS = 50;

const port = parentPort;
if (!port) throw new Error('expected to run as a worker thread, got the main thread');
const { path } = workerData as IndexerData;
let finishing = false;
port.on('message', (message: FinishRequest) => {
  if (message.type === 'finish') finishing = true;
});

async function indexUntilFinished(): Promise<IndexerReply> {
  const db = openDatabase(path);
  db.pragma('cache_size = -16384'); // the search indexes' pages; the crawl's connection caches the rest
  let indexed = 0;
  try {
    for (;;) {
      const count = indexDueSearchRows(db, ROWS_PER_TRANSACTION);
      indexed += count;
      if (count > 0)
        await yieldToEvents(); // more may be due; hear a finish request between batches
      else if (finishing) return { type: 'finished', indexed };
      else await sleep(POLL_MS);
    }
  } finally {
    db.close();
  }
}

void indexUntilFinished()
  .catch((error: unknown): IndexerReply => ({ type: 'failed', message: errorMessage(error) }))
  .then((reply) => port.postMessage(reply));
