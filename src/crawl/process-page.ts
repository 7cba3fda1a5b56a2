import * as cheerio from 'cheerio';
import { decodeBody } from '../decode/index.js';
import { classifyPage, type PageKind } from '../discover/classify.js';
import { extractLinks } from '../discover/links.js';
import { extractDocument } from '../extract/index.js';
import type { FetchedResponse } from '../fetch/types.js';
import type { DocumentSnapshot } from '../store/records.js';

/** What one fetched page yields: links to follow, and a snapshot to store if it is a document. */
export interface ProcessedPage {
  kind: PageKind;
  links: string[];
  snapshot: DocumentSnapshot | null;
}

/**
 * decode → parse once → links → classify → extract. The cheerio tree lives only inside this
 * call: links are read before extraction, which strips page chrome from the tree.
 */
export function processPage(response: FetchedResponse, sourceId: string): ProcessedPage {
  const decoded = decodeBody(response.body, response.headers['content-type']);
  const $ = cheerio.load(decoded.html);
  const links = extractLinks($, response.url);
  const kind = response.request.kind === 'document' ? 'document' : classifyPage($, response.url);
  if (kind !== 'document') return { kind, links, snapshot: null };
  const document = extractDocument($, response.url);
  return {
    kind,
    links,
    snapshot: {
      sourceId,
      url: response.url,
      fetchedAt: response.fetchedAt,
      httpStatus: response.status,
      responseHeaders: response.headers,
      etag: response.headers.etag ?? null,
      lastModified: response.headers['last-modified'] ?? null,
      rawBody: response.body,
      charset: decoded.charset,
      charsetSource: decoded.charsetSource,
      document,
    },
  };
}
