/** A document's versions with what changed between each and the one before (`history`). */
import { describeChange, summarizeChange, type ChangeSummary } from '../compare/change-summary.js';
import type { Db } from '../store/database.js';
import { listVersions } from '../store/versions.js';
import { attachmentChangesBetween } from './attachments.js';

/** One line of a document's history (`history --json` item). */
export interface HistoryEntry {
  version: number;
  /** When this version was fetched and recorded. */
  at: string;
  contentHash: string;
  title: string;
  /** What changed from the previous version; null for the first. */
  changes: ChangeSummary | null;
  /** The same, for humans: "created", "title, +2/-1 paragraphs" … */
  summary: string;
}

export function documentHistory(db: Db, documentId: string): HistoryEntry[] {
  const versions = listVersions(db, documentId);
  return versions.map((version, index) => {
    const previous = index > 0 ? versions[index - 1] : undefined;
    const changes = previous ? summarizeChange(previous, version) : null;
    const attachments = previous ? attachmentChangesBetween(db, previous.attachments, version.attachments) : [];
    if (changes && attachments.length > 0) changes.attachments = attachments;
    return {
      version: version.version,
      at: version.fetchedAt,
      contentHash: version.contentHash,
      title: version.title,
      changes,
      summary: changes ? describeChange(changes) : 'created',
    };
  });
}
