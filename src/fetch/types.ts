import type { BureauWatchError } from '../errors.js';

/** What the crawl asks the fetch stage for. */
export interface FetchRequest {
  url: string;
  /**
   * What the crawl expects to find there; carried through untouched. `document`: a known document,
   * revisited with its validators; `unknown`: a link a list page offered, to be classified.
   */
  kind: 'start' | 'list' | 'document' | 'unknown';
  /** Validators from the last fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Link depth from a start URL. */
  depth?: number;
  /** The linking list page named this an item of its list (a dated entry, a datastore record). */
  hint?: 'document';
  /** For a list page: the next page of a list the crawl reads, or another list linked from one. */
  listRole?: 'next' | 'sub';
  /** For a Hanweb proxy range: the column's record count, when the column page stated it. */
  pagingTotal?: number | null;
  /** A page of the source's `listApi` (JSON), by its number; `previousKey` identifies the links of the page before. */
  listApi?: { page: number; previousKey?: string };
}

/** The fetch stage's record: an HTTP answer with its body bytes untouched, or a final failure. */
export type FetchResult = FetchedResponse | FetchFailure;

export interface FetchedResponse {
  ok: true;
  request: FetchRequest;
  /** URL after redirects. */
  url: string;
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Body as received (after transfer decompression), never transcoded; for `fetch: browser`, the rendered DOM. */
  body: Buffer;
  fetchedAt: string;
  /** `fetch: browser` only: the document's response as the network delivered it, before scripts ran. */
  original?: { status: number; headers: Record<string, string>; body: Buffer };
}

export interface FetchFailure {
  ok: false;
  request: FetchRequest;
  error: BureauWatchError;
  fetchedAt: string;
}

/**
 * The fetch queue's page budget, for the crawl to trim what it enqueues: each URL is queued once
 * per run, and at most maxRequests URLs in all (queued, in flight and done).
 */
export interface QueueBudget {
  /** The URL was queued in this run already (it may be waiting, in flight or done). */
  has(url: string): boolean;
  /** How many more new URLs the queue takes in this run. */
  remaining(): number;
}

/**
 * Lets the result handler add more requests to the same crawl. The queue skips URLs it already
 * had and drops new ones beyond its budget (see QueueBudget).
 */
export type Enqueue = (requests: FetchRequest[]) => Promise<void>;

export type ResultHandler = (result: FetchResult, enqueue: Enqueue) => Promise<void>;
