/**
 * What the archive computes of a fetched document without reading the database: its comparison form
 * and hashes, its duplicate fingerprint and its encoded raw body. A page worker (src/crawl/page-workers)
 * computes them beside the page's extraction, so the run's one writer, on the main thread, only
 * decides and writes. recordSnapshot computes whatever a snapshot arrives without.
 */
import { fingerprintOfComparison } from '../dedupe/lsh-index.js';
import { encodePageBody } from '../store/blobs.js';
import { compareDocument } from './changes.js';
import type { DocumentSnapshot } from './snapshot.js';

export function prepareSnapshot(snapshot: DocumentSnapshot): DocumentSnapshot {
  const compared = compareDocument(snapshot.document);
  return {
    ...snapshot,
    compared: { ...compared, fingerprint: fingerprintOfComparison(compared.comparison) },
    rawBlob: encodePageBody(snapshot.rawBody),
  };
}
