/**
 * A page worker's entry point: processes pages one at a time for as long as the crawl keeps it. A
 * page that throws comes back as a failed reply, not a dead worker; the crawl enforces the time cap
 * (terminate) and V8 the heap cap (resourceLimits).
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../errors.js';
import { preparedPage } from './prepared-page.js';
import type { ProcessedPage } from '../process-page.js';
import type { PageReply, PageRequest, WorkerReady } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('expected to run as a worker thread, got the main thread');

port.on('message', (request: PageRequest) => {
  let reply: PageReply;
  try {
    reply = { id: request.id, ok: true, page: withoutBodies(preparedPage(request.response, request.sourceId)) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: errorMessage(error) };
  }
  port.postMessage(reply);
});
const ready: WorkerReady = { ready: true };
port.postMessage(ready);

/** The crawl holds the page's bodies already and puts them back (pool.ts): they are not copied back. */
function withoutBodies(page: ProcessedPage): ProcessedPage {
  return page.kind === 'document' ? { kind: 'document', snapshot: { ...page.snapshot, rawBody: new Uint8Array(0), originalBody: undefined } } : page;
}
