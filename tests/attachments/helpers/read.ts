/** Reads in the test's own thread (the worker is covered by worker.slow.test.ts), with small test limits. */
import { resolveLimits } from '../../../src/attachments/limits.js';
import { readInProcess } from '../../../src/attachments/read-in-process.js';
import type { AttachmentReader } from '../../../src/attachments/reader.js';
import type { AttachmentReadResult, ReadOptions } from '../../../src/attachments/types.js';

export function readHere(bytes: Uint8Array, options: ReadOptions = {}): Promise<AttachmentReadResult> {
  return readInProcess(bytes, { limits: resolveLimits(options), ocr: options.ocr ?? 'off' });
}

/**
 * An AttachmentReader that reads in the test's own thread: crawl tests inject it (RunCrawlOptions)
 * so they need not start workers from sources through tsx (seconds each); the workers' containment
 * has its own tests (worker.slow.test.ts, compiled.process.test.ts), and the demo's process test crawls with them.
 */
export function inProcessReader(): AttachmentReader {
  // One read at a time: pdf.js's in-thread "fake worker" mixes up two documents loaded at once
  // ("Invalid page request"); in the crawl every read has a worker of its own.
  let last: Promise<unknown> = Promise.resolve();
  return {
    read: (bytes, options = {}) => {
      const result = last.then(() => readHere(bytes, options));
      last = result.catch(() => undefined);
      return result;
    },
    close: async () => undefined,
  };
}
