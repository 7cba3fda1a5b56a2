import { prepareSnapshot } from '../../archive/prepare.js';
import type { FetchedResponse } from '../../fetch/types.js';
import { processPage, type ProcessedPage } from '../process-page.js';

/**
 * processPage, and for a document what the archive can compute of it without the database
 * (src/archive/prepare.ts): all the CPU a page costs before the writer, done in a page worker.
 */
export function preparedPage(response: FetchedResponse, sourceId: string): ProcessedPage {
  const page = processPage(response, sourceId);
  return page.kind === 'document' ? { kind: 'document', snapshot: prepareSnapshot(page.snapshot) } : page;
}
