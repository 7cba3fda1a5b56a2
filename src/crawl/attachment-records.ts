/**
 * How the crawl stores a document that has attachments: its links are checked by the run's
 * attachment stage, and the document is stored once they are, without holding up the next page.
 * A page that answered 304 has its files checked again too (conditional GETs): a file replaced
 * under the same URL is a change even when the page is not. Links that led to no file (not found,
 * too large, out of scope) are asked again only when the page itself is fetched again.
 */
import type { AttachmentOutcome, DocumentSnapshot } from '../archive/snapshot.js';
import type { AttachmentEntry } from '../store/records.js';
import { getVersionAttachments } from '../store/attachments.js';
import { getDocumentByUrl } from '../store/documents.js';
import type { Frontier } from './frontier.js';
import type { SourceCrawl } from './source-crawl.js';
import { store } from './source-writes.js';

/** Stores a fetched document page, after checking its attachments when the run fetches them. */
export async function recordDocument(crawl: SourceCrawl, frontier: Frontier, snapshot: DocumentSnapshot): Promise<void> {
  const attachments = crawl.attachments;
  if (!attachments || snapshot.document.attachments.length === 0) {
    store(crawl, frontier, () => {
      crawl.counts[crawl.archive.recordSnapshot(snapshot)]++;
    });
    return;
  }
  await attachments.stage.room();
  const stored = attachments.stage.check(attachments.access, snapshot.url, snapshot.document.attachments).then((outcomes) => {
    store(crawl, frontier, () => {
      crawl.counts[crawl.archive.recordSnapshot({ ...snapshot, attachmentOutcomes: outcomes })]++;
    });
  });
  attachments.stage.track(crawl.source.id, stored);
}

/** A known document answered 304: its files are checked again (when it has any). */
export function recordNotModified(crawl: SourceCrawl, frontier: Frontier, url: string, checkedAt: string): void {
  const entries = crawl.attachments ? currentEntries(crawl, url) : [];
  if (!crawl.attachments || !entries.some(isRechecked)) {
    store(crawl, frontier, () => crawl.archive.recordNotModified(url, checkedAt));
    return;
  }
  const { stage, access } = crawl.attachments;
  const links = entries.map(({ url: link, name }) => ({ url: link, name }));
  const stored = stage
    .check(
      access,
      url,
      links.filter((_, i) => isRechecked(entries[i]!)),
    )
    .then((checked) => {
      // The links not asked again keep their entries as they are.
      const outcomes = entries.map((entry): AttachmentOutcome => (isRechecked(entry) ? checked.shift()! : { entry }));
      const at = new Date().toISOString();
      store(crawl, frontier, () => {
        if (crawl.archive.recordAttachmentsRecheck(url, at, { document: { attachments: links }, attachmentOutcomes: outcomes }) === 'updated')
          crawl.counts.updated++;
      });
    });
  stage.track(crawl.source.id, stored);
}

/** Files, failed fetches and links recorded before attachments were fetched; not the links that led to no file. */
function isRechecked(entry: AttachmentEntry): boolean {
  return entry.status === undefined || entry.status === 'ok' || entry.status === 'failed';
}

/** The attachments of the document's current version (a read: the page said nothing new). */
function currentEntries(crawl: SourceCrawl, url: string): AttachmentEntry[] {
  const doc = getDocumentByUrl(crawl.archive.db, url);
  return doc ? (getVersionAttachments(crawl.archive.db, doc.id, doc.currentVersion) ?? []) : [];
}
