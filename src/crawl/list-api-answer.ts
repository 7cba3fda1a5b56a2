import { errorMessage } from '../errors.js';
import { linksFromAnswer, nextListApiRequest } from '../discover/list-api.js';
import type { Enqueue, FetchedResponse } from '../fetch/types.js';
import type { SourceCrawl } from './source-crawl.js';
import type { Frontier } from './frontier.js';
import { listPageLost } from './source-writes.js';

/**
 * One page of a source's `listApi`: its links become document candidates like a list page's
 * items, and the next page follows until a page brings nothing (see list-api.ts). An answer that
 * is not JSON loses that page, and with it the rest of the list for this run.
 */
export async function handleListApiAnswer(crawl: SourceCrawl, frontier: Frontier, response: FetchedResponse, enqueue: Enqueue): Promise<void> {
  const api = crawl.source.listApi;
  if (!api) return;
  let links: string[];
  try {
    links = linksFromAnswer(api, response.body, response.headers['content-type'], response.url);
  } catch (error) {
    crawl.counts.errors++;
    crawl.log.warn({ source: crawl.source.id, url: response.url }, errorMessage(error));
    listPageLost(crawl, frontier, response.request, errorMessage(error));
    return;
  }
  if (response.request.kind === 'start') crawl.starts.succeeded(response.request.url);
  crawl.log.debug({ source: crawl.source.id, url: response.url, links: links.length }, 'listApi page read');
  const found = await frontier.fromListApi(links, response.request, nextListApiRequest(api, response.request, links));
  await enqueue(frontier.withinBudget(found));
}
