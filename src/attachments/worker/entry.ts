/**
 * The reading worker's entry point. It answers read requests one at a time for as long as its owner
 * keeps it; the owner enforces the time cap (terminate) and V8 enforces the heap cap (resourceLimits).
 * readInProcess never throws, so a bad file comes back as a `failed` result, not a dead worker.
 */
import { parentPort } from 'node:worker_threads';
import { readInProcess } from '../read-in-process.js';
import type { ReadReply, ReadRequest } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('expected to run as a worker thread, got the main thread');

port.on('message', (request: ReadRequest) => {
  void readInProcess(new Uint8Array(request.bytes), { limits: request.limits, ocr: request.ocr }).then((result) => {
    const reply: ReadReply = { id: request.id, result };
    port.postMessage(reply);
  });
});
