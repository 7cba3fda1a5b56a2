import type { FetchRequest, ResultHandler } from '../fetch/types.js';
import type { SourceProgress } from './progress.js';

/**
 * Wraps a source's fetch run so its progress is counted without the crawl code knowing how: the
 * initial requests and everything the handler enqueues count as queued, each handled result
 * (success or final failure) as a page done.
 */
export function withProgress(
  progress: SourceProgress | undefined,
  initial: FetchRequest[],
  handler: ResultHandler,
): { initial: FetchRequest[]; handler: ResultHandler } {
  if (!progress) return { initial, handler };
  progress.queued(initial.map((request) => request.url));
  return {
    initial,
    handler: async (result, enqueue) => {
      try {
        await handler(result, async (requests) => {
          progress.queued(requests.map((request) => request.url));
          await enqueue(requests);
        });
      } finally {
        progress.pageDone();
      }
    },
  };
}
