/**
 * Duplicates across a page and an attachment: a page that inlines the text of another document's
 * attachment (a blog repost of a plan published as a PDF behind a two-line cover notice) is a copy
 * of that document. Attachment texts get fingerprints of their own, keyed by file; a page's
 * fingerprint is looked up among them, and each attachment's among the pages'. Attachments are
 * never matched with each other: many notices attach the same form (申请表), and that makes them
 * no copies of each other.
 */
import { DuplicateIndex, fingerprint, type Fingerprint } from '../dedupe/lsh-index.js';
import { attachmentSignatureTables } from '../store/attachment-signatures.js';
import { documentsHoldingFile } from '../store/attachments.js';
import type { Db } from '../store/database.js';
import { duplicateSignatureTables } from '../store/duplicates.js';

/**
 * Fingerprinted text per attachment, at most: a repost inlines a plan of a few thousand characters,
 * and shingling a 5-million-character spreadsheet dump would cost seconds on the write path.
 */
const MAX_FINGERPRINTED_CHARS = 200_000;

/** Indexes a file's text (once per file; texts too short to link are skipped). */
export function indexAttachmentText(db: Db, sha256: string, text: string): void {
  const print = fingerprint(text.slice(0, MAX_FINGERPRINTED_CHARS));
  if (print) new DuplicateIndex(attachmentSignatureTables(db)).put(sha256, print);
}

/** Documents (other than `exceptId`) one of whose current attachments this page's text inlines. */
export function documentsWithAttachmentLike(db: Db, pagePrint: Fingerprint, exceptId: string): string[] {
  if (!hasAttachmentIndex(db)) return [];
  const { matches } = new DuplicateIndex(attachmentSignatureTables(db)).lookup(pagePrint);
  return matches.flatMap((match) => documentsHoldingFile(db, match.documentId)).filter((id) => id !== exceptId);
}

/** Documents (other than `exceptId`) whose page text is one of these files' text. */
export function documentsInlining(db: Db, files: string[], exceptId: string): string[] {
  if (files.length === 0) return [];
  const attachments = attachmentSignatureTables(db);
  const pages = new DuplicateIndex(duplicateSignatureTables(db));
  return files.flatMap((sha256) => {
    const signature = attachments.signatureOf(sha256);
    return signature ? pages.lookup({ signature, shingles: 0 }, { excludeId: exceptId }).matches.map((match) => match.documentId) : [];
  });
}

const withAttachmentIndex = new WeakSet<Db>();

/**
 * Whether the connection's schema has the attachment index (migration 009). Archives are migrated on
 * open, but the migration tests record into older schemas through the same Archive. Only a yes is
 * remembered: a migration may add the tables later on the same connection.
 */
function hasAttachmentIndex(db: Db): boolean {
  if (withAttachmentIndex.has(db)) return true;
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment_signatures'").get() !== undefined;
  if (found) withAttachmentIndex.add(db);
  return found;
}
