/**
 * `listApi`: the JSON endpoint a script-built column reads its list from, requested page by page
 * instead of running the script in a browser. Its answers are a site's, so hostile: only the values
 * the configured path reaches are read, and only strings and numbers become links.
 */
import { createHash } from 'node:crypto';
import { parseJsonPath, selectJsonPath } from '../config/json-path.js';
import type { ListApiConfig } from '../config/schema.js';
import { decodeBody } from '../decode/index.js';
import { PermanentError } from '../errors.js';
import type { FetchRequest } from '../fetch/types.js';
import { canonicalUrl } from './canonical-url.js';

/** The request for page `page` of the source's list API. */
export function listApiRequest(api: ListApiConfig, page: number, previous?: string[]): FetchRequest {
  const url = api.url.replaceAll('{page}', String(page));
  return {
    url,
    kind: page === api.firstPage ? 'start' : 'list',
    listRole: page === api.firstPage ? undefined : 'next',
    depth: 0,
    listApi: { page, previousKey: previous ? linksKey(previous) : undefined },
  };
}

/** The document links of one answer, absolute, in order. Throws a PermanentError on an answer that is not JSON. */
export function linksFromAnswer(api: ListApiConfig, body: Buffer, contentType: string | undefined, answerUrl: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(decodeBody(body, contentType).html.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PermanentError(`listApi answer from ${answerUrl} is not JSON (${(error as Error).message.slice(0, 80)}): check listApi.url`);
  }
  const links: string[] = [];
  for (const value of selectJsonPath(data, parseJsonPath(api.links))) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const link = api.linkTemplate ? api.linkTemplate.replaceAll('{value}', encodeURIComponent(String(value))) : String(value).trim();
    const url = canonicalUrl(link, answerUrl);
    if (url) links.push(url); // not a web URL: skipped, as a list page's broken link is
  }
  return links;
}

/**
 * The next page's request, or null when paging ends: at an empty page, at maxPages, or when the API
 * answers the same links again (APIs clamp a page number past the end to the last page).
 */
export function nextListApiRequest(api: ListApiConfig, from: FetchRequest, links: string[]): FetchRequest | null {
  const page = from.listApi?.page ?? api.firstPage;
  if (links.length === 0 || page + 1 >= api.firstPage + api.maxPages) return null;
  if (from.listApi?.previousKey === linksKey(links)) return null;
  return listApiRequest(api, page + 1, links);
}

function linksKey(links: string[]): string {
  return createHash('sha256').update(links.join('\n')).digest('hex').slice(0, 16);
}
