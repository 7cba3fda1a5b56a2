/**
 * A stored version read again by the current extractor, from its raw body in `blobs`, decoded by
 * the headers it came with: what the crawl would make of those bytes today. The archive compares
 * with it when the stored key is an older extractor's (src/archive/changes.ts).
 */
import { decodeBody } from '../decode/index.js';
import { extractDocument, type ExtractedDocument } from '../extract/index.js';
import { parseHtml } from '../html/parse.js';
import { getBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import type { VersionRow } from '../store/records.js';

/** Null when the body is not there or no longer parses (over the parser's work cap): nothing to compare with. */
export function rereadVersion(db: Db, url: string, version: Pick<VersionRow, 'rawHash' | 'responseHeaders'>): ExtractedDocument | null {
  const body = getBlob(db, version.rawHash);
  if (!body) return null;
  try {
    const { html } = decodeBody(body, version.responseHeaders['content-type']);
    return extractDocument(parseHtml(html), url);
  } catch {
    return null;
  }
}
