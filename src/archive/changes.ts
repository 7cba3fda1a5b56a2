/**
 * What makes a fetch a new version, decided in one place. A version is known by the hashes of its
 * comparison forms (src/compare): text, title and canonical fields (a field-only change such as
 * 效力状况 有效 → 废止 is a version). Page chrome (counters, font widgets, "today is" clocks) is out
 * of all three, so it never is. Whatever else should make a version later (the text of an
 * attachment) joins here: a hash in VersionKey (and its column in `documents`), computed in
 * `compareDocument`.
 *
 * Upgrade safety: the stored hashes are one extractor's reading. When the fetched page compares
 * different and the stored key is an older extractor's, the stored version's raw body is read again
 * with the current extractor: if that reading equals the fetched one, only the reading changed (a
 * byline moved out of the body, a title rule), and no version is made; the stored key moves on to
 * the current reading. The same holds, whatever the extractor, when the fetched bytes are the
 * stored version's own.
 */
import { comparisonText } from '../compare/comparison-text.js';
import { comparableFields } from '../compare/field-changes.js';
import type { VersionContent } from '../compare/change-summary.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import type { ExtractedDocument } from '../extract/types.js';
import { sha256Hex } from '../hash.js';
import type { ComparisonKey } from '../store/documents.js';
import type { VersionRow } from '../store/records.js';
import type { Fingerprint } from '../dedupe/lsh-index.js';

/** The hashes that identify a version: a fetch with the same key is the same version. */
export interface VersionKey {
  contentHash: string;
  titleHash: string;
  fieldsHash: string;
}

/** A fetched document in comparison form, computed once per fetch. */
export interface ComparedDocument extends VersionKey {
  /** The text's comparison form (duplicate detection fingerprints it). */
  comparison: string;
  /** Its duplicate fingerprint when computed ahead (null: too short to link); absent: computed when needed. */
  fingerprint?: Fingerprint | null;
}

/** What the archive holds of a document's current version, read only as far as the decision needs. */
export interface StoredCurrent {
  /** The key in the documents row, as an older release may have left it. */
  key: ComparisonKey;
  /** The current version's row. */
  version(): VersionRow;
  /** Its raw body read by the current extractor; null when it cannot be (no blob, a failing parse). */
  reread(): ExtractedDocument | null;
}

/** What a fetch of a known document is to the archive. */
export type Change =
  /** `refreshKey`: store the fetched key (the current extractor's reading) in place of the stored one, silently. */
  | { kind: 'unchanged'; refreshKey: boolean }
  /** `previous`: what the change summary compares with (the stored version, or its re-reading). */
  | { kind: 'updated'; previous: VersionContent };

export function compareDocument(document: Pick<ExtractedDocument, 'title' | 'text' | 'fields'>): ComparedDocument {
  const comparison = comparisonText(document.text);
  return {
    comparison,
    contentHash: sha256Hex(comparison),
    titleHash: sha256Hex(comparisonText(document.title)),
    fieldsHash: fieldsHashOf(document.fields),
  };
}

/** Hash of the canonical fields in comparison form; no fields at all hash alike, however stored. */
export function fieldsHashOf(fields: Readonly<Record<string, string | undefined>>): string {
  return sha256Hex(JSON.stringify(comparableFields(fields)));
}

/** The fetched key, to store for a version read by the current extractor. */
export function keyOf(compared: ComparedDocument): ComparisonKey {
  return { contentHash: compared.contentHash, titleHash: compared.titleHash, fieldsHash: compared.fieldsHash, keyExtractor: EXTRACTOR_VERSION };
}

/** The fetched page as received: the same bytes decoded alike are the same page, however read. */
export interface FetchedBytes {
  rawBody: Uint8Array;
  charset: string;
}

/**
 * Decides from the stored current version and the fetched page (its key and raw bytes). A version
 * read by an older extractor is read again: to tell a new reading from a new page, and, for a real
 * change, so the summary names what the site changed rather than what the upgrade did.
 */
export function decideChange(stored: StoredCurrent, fetched: ComparedDocument, bytes: FetchedBytes): Change {
  const keyIsCurrent = stored.key.keyExtractor === EXTRACTOR_VERSION;
  // Stored before migration 008: the version's own fields stand for the missing hash.
  const fieldsHash = stored.key.fieldsHash ?? fieldsHashOf(stored.version().fields);
  if (sameKey({ ...stored.key, fieldsHash }, fetched)) return { kind: 'unchanged', refreshKey: !keyIsCurrent || stored.key.fieldsHash === null };
  const version = stored.version();
  // The very bytes of the stored version, read differently: the reading changed, not the page.
  // (Whatever joins the key from outside the page's bytes, such as an attachment's text, must be
  // compared apart before this holds.)
  if (version.charset === bytes.charset && version.rawHash === sha256Hex(bytes.rawBody)) return { kind: 'unchanged', refreshKey: true };
  const reread = keyIsCurrent && version.extractor === EXTRACTOR_VERSION ? null : stored.reread();
  if (!keyIsCurrent && reread && sameKey(compareDocument(reread), fetched)) return { kind: 'unchanged', refreshKey: true };
  return { kind: 'updated', previous: reread ?? version };
}

function sameKey(a: VersionKey, b: VersionKey): boolean {
  return a.contentHash === b.contentHash && a.titleHash === b.titleHash && a.fieldsHash === b.fieldsHash;
}
