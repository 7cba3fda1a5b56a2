import { decodeBody } from '../decode/index.js';
import { canonicalUrl } from '../discover/canonical-url.js';
import { classifyPage, looksLikeSoft404 } from '../discover/classify.js';
import { isProxyUrl, parseDatastore } from '../discover/hanweb-datastore.js';
import { discoverListPage, type ListDiscovery } from '../discover/list-page.js';
import { extractDocument } from '../extract/index.js';
import { parseHtml } from '../html/parse.js';
import type { FetchedResponse } from '../fetch/types.js';
import type { DocumentSnapshot } from '../archive/snapshot.js';

/** What one fetched page yields: a snapshot to store, links to follow, or word that it is gone. */
export type ProcessedPage =
  | { kind: 'document'; snapshot: DocumentSnapshot }
  | { kind: 'list'; discovery: ListDiscovery }
  /** A Hanweb proxy answer: the records of one range of a column. */
  | { kind: 'datastore'; items: string[]; recordCount: number; totalRecord: number | null }
  /** A 200 answer that only says the page does not exist. */
  | { kind: 'soft-404' };

/**
 * decode → parse once → classify → links (list pages) or extraction (documents). The cheerio tree
 * lives only inside this call. Documents' links are not read: documents are found from lists, and
 * a document's "related" and navigation links lead out of the column.
 */
export function processPage(response: FetchedResponse, sourceId: string): ProcessedPage {
  const decoded = decodeBody(response.body, response.headers['content-type']);
  const datastore = isDatastoreAnswer(response.url, decoded.html) ? parseDatastore(decoded.html) : null;
  if (datastore) {
    const items = datastore.recordHrefs.flatMap((href) => canonicalUrl(href, response.url) ?? []);
    return { kind: 'datastore', items, recordCount: datastore.recordCount, totalRecord: datastore.totalRecord };
  }
  // Linear in the page, whatever its nesting; a page over the work cap throws PageTooComplexError.
  const $ = parseHtml(decoded.html);
  const known = response.request.kind === 'document';
  // A known document is one by definition, unless its address now redirects elsewhere.
  const kind = known && response.url === response.request.url ? 'document' : classifyPage($, response.url, response.request.hint);
  if (kind !== 'document') {
    // A known document redirected to a list or home page: removed pages often land there.
    return known ? { kind: 'soft-404' } : { kind: 'list', discovery: discoverListPage($, response.url) };
  }
  const document = extractDocument($, response.url);
  if (looksLikeSoft404(document.title, document.text)) return { kind: 'soft-404' };
  return {
    kind: 'document',
    snapshot: {
      sourceId,
      url: response.url,
      fetchedAt: response.fetchedAt,
      httpStatus: response.status,
      responseHeaders: response.headers,
      etag: response.headers.etag ?? null,
      lastModified: response.headers['last-modified'] ?? null,
      rawBody: response.body,
      originalBody: response.original?.body,
      charset: decoded.charset,
      charsetSource: decoded.charsetSource,
      document,
    },
  };
}

/**
 * The proxy answers XML (`<datastore>…`), sometimes after an XML declaration. Anchored at the
 * start: a Hanweb list page is HTML that carries its own `<datastore>` inside a script.
 */
function isDatastoreAnswer(url: string, text: string): boolean {
  return isProxyUrl(url) || /^\s*(<\?xml[^>]*>\s*)?<datastore[\s>]/i.test(text);
}
