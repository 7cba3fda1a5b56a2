/**
 * How the crawl stores a document that has attachments: its links are checked by the run's
 * attachment stage, and the document is stored once they are, without holding up the next page.
 * A page that answered 304 has its attachments checked too: a file replaced under the same URL
 * is a change even when the page is not.
 */
import type { DocumentSnapshot } from '../archive/snapshot.js';
import { getVersionAttachments } from '../store/attachments.js';
import { getDocumentByUrl } from '../store/documents.js';
import type { SourceCrawl } from './source-crawl.js';

/** Stores a fetched document page, after checking its attachments when the run fetches them. */
export async function recordDocument(crawl: SourceCrawl, snapshot: DocumentSnapshot): Promise<void> {
  const attachments = crawl.attachments;
  if (!attachments || snapshot.document.attachments.length === 0) {
    crawl.writes.push(() => { crawl.counts[crawl.archive.recordSnapshot(snapshot)]++; });
    return;
  }
  await attachments.stage.room();
  const stored = attachments.stage.check(attachments.access, snapshot.url, snapshot.document.attachments).then((outcomes) => {
    crawl.writes.push(() => { crawl.counts[crawl.archive.recordSnapshot({ ...snapshot, attachmentOutcomes: outcomes })]++; });
  });
  attachments.stage.track(crawl.source.id, stored);
}

/** A known document answered 304: its attachments are checked again (when it has any). */
export function recordNotModified(crawl: SourceCrawl, url: string, checkedAt: string): void {
  const links = crawl.attachments ? currentLinks(crawl, url) : [];
  if (!crawl.attachments || links.length === 0) {
    crawl.writes.push(() => crawl.archive.recordNotModified(url, checkedAt));
    return;
  }
  const { stage, access } = crawl.attachments;
  const stored = stage.check(access, url, links).then((outcomes) => {
    const at = new Date().toISOString();
    crawl.writes.push(() => {
      if (crawl.archive.recordAttachmentsRecheck(url, at, { document: { attachments: links }, attachmentOutcomes: outcomes }) === 'updated') crawl.counts.updated++;
    });
  });
  stage.track(crawl.source.id, stored);
}

/** The links of the document's current version (a read: the page said nothing new). */
function currentLinks(crawl: SourceCrawl, url: string): { url: string; name: string }[] {
  const doc = getDocumentByUrl(crawl.archive.db, url);
  const entries = doc ? getVersionAttachments(crawl.archive.db, doc.id, doc.currentVersion) ?? [] : [];
  return entries.map(({ url: link, name }) => ({ url: link, name }));
}
