/** Messages between the crawl and a page worker (structured-clone data only). */
import type { FetchedResponse } from '../../fetch/types.js';
import type { ProcessedPage } from '../process-page.js';

export interface PageRequest {
  id: number;
  response: FetchedResponse;
  sourceId: string;
}

export type PageReply =
  | { id: number; ok: true; page: ProcessedPage }
  /** processPage threw: its message, for the same log line and error count as in the crawl's own thread. */
  | { id: number; ok: false; message: string };

/** Sent once by a worker that has loaded its modules (a worker that dies before it could not start). */
export interface WorkerReady {
  ready: true;
}
