/** Messages between a crawl and its background search indexer (structured-clone data only). */

/** What the indexer opens: the crawl's database file. */
export interface IndexerData {
  path: string;
}

/** From the crawl: everything is written; index what is due and stop. */
export interface FinishRequest {
  type: 'finish';
}

export type IndexerReply =
  /** Nothing is due any more and the indexer has closed its connection. */
  | { type: 'finished'; indexed: number }
  /** Indexing failed (the rows stay due): the crawl indexes them itself. */
  | { type: 'failed'; message: string };
