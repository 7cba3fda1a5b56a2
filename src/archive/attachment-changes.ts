/**
 * What makes a document's attachments "changed", decided from the current version's entries and
 * the fetched ones. An attachment is known by what it holds: the comparison form of its text (a
 * re-generated PDF with the same words is the same attachment), the bytes when it has no text, or
 * its status when no file came (not found, too large, out of scope). Entries are paired by URL,
 * then by content (a download link whose token changes every visit is the same file).
 *   - an entry left over on either side is an attachment added or removed: a change;
 *   - a pair whose contents differ is a replaced file: a change;
 *   - an entry whose content is unknown — a link recorded before attachments were fetched, or a
 *     fetch that failed with no earlier file to fall back on — never makes a change. When the
 *     current version has such entries and the fetch now knows them, they are filled in.
 */
import type { AttachmentEntry } from '../store/records.js';

/** What a fetch did to the attachments of a known document. */
export interface AttachmentComparison {
  /** Attachments added, removed or replaced: a new version. */
  changed: boolean;
  /** Nothing changed, but entries the current version could not describe are known now. */
  filledIn: boolean;
  added: AttachmentEntry[];
  removed: AttachmentEntry[];
  /** [current, fetched] pairs whose contents differ. */
  replaced: [AttachmentEntry, AttachmentEntry][];
}

/** An entry's content key, or null when it is unknown. `contentKeyOf` gives a file's comparison hash. */
export type EntryKey = (entry: AttachmentEntry) => string | null;

export function entryKeyWith(comparisonHashOf: (sha256: string) => string | undefined): EntryKey {
  return (entry) => {
    if (entry.sha256) return `file:${comparisonHashOf(entry.sha256) ?? entry.sha256}`;
    if (entry.status === undefined || entry.status === 'failed') return null;
    return `status:${entry.status}`;
  };
}

export function compareAttachments(current: AttachmentEntry[], fetched: AttachmentEntry[], keyOf: EntryKey): AttachmentComparison {
  const unpairedCurrent = new Set(current.keys());
  const pairs: [AttachmentEntry, AttachmentEntry][] = [];
  const unpairedFetched: AttachmentEntry[] = [];
  for (const entry of fetched) {
    const index = [...unpairedCurrent].find((i) => current[i]!.url === entry.url);
    if (index === undefined) unpairedFetched.push(entry);
    else {
      unpairedCurrent.delete(index);
      pairs.push([current[index]!, entry]);
    }
  }
  const added: AttachmentEntry[] = [];
  for (const entry of unpairedFetched) {
    const key = keyOf(entry);
    const index = key === null ? undefined : [...unpairedCurrent].find((i) => keyOf(current[i]!) === key);
    if (index === undefined) added.push(entry);
    else unpairedCurrent.delete(index); // the same content under another URL: not a change
  }
  const removed = [...unpairedCurrent].map((i) => current[i]!);
  const replaced = pairs.filter(([before, after]) => {
    const [a, b] = [keyOf(before), keyOf(after)];
    return a !== null && b !== null && a !== b;
  });
  const filledIn = pairs.some(([before, after]) => keyOf(before) === null && keyOf(after) !== null);
  return { changed: added.length + removed.length + replaced.length > 0, filledIn, added, removed, replaced };
}

/** The attachments an event brings: all of a new document's, or those an update added or replaced. */
export function attachmentsBrought(comparison: AttachmentComparison | undefined, all: AttachmentEntry[]): AttachmentEntry[] {
  return comparison ? [...comparison.added, ...comparison.replaced.map(([, after]) => after)] : all;
}
