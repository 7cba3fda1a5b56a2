/**
 * What makes a fetch a new version, decided in one place. A version is known by the hashes of its
 * comparison forms (src/compare): text and title. Whatever else should make a version later (a
 * changed canonical field such as validity, the text of an attachment) joins here: a hash in
 * VersionKey (and its column in `documents`), computed in `compareDocument`.
 */
import { comparisonText } from '../compare/comparison-text.js';
import type { ExtractedDocument } from '../extract/types.js';
import { sha256Hex } from '../hash.js';

/** The hashes that identify a version: a fetch with the same key is the same version. */
export interface VersionKey {
  contentHash: string;
  titleHash: string;
}

/** A fetched document in comparison form, computed once per fetch. */
export interface ComparedDocument extends VersionKey {
  /** The text's comparison form (duplicate detection fingerprints it). */
  comparison: string;
}

/** What a fetch of a known document is to the archive. */
export type Change =
  | { kind: 'unchanged' }
  /** `textChanged`: the text itself changed (not only the title), so its duplicate links may have too. */
  | { kind: 'updated'; textChanged: boolean };

export function compareDocument(document: Pick<ExtractedDocument, 'title' | 'text'>): ComparedDocument {
  const comparison = comparisonText(document.text);
  return { comparison, contentHash: sha256Hex(comparison), titleHash: sha256Hex(comparisonText(document.title)) };
}

/** Decides from the current version's key and the fetched one. */
export function decideChange(current: VersionKey, fetched: VersionKey): Change {
  if (current.contentHash === fetched.contentHash && current.titleHash === fetched.titleHash) return { kind: 'unchanged' };
  return { kind: 'updated', textChanged: current.contentHash !== fetched.contentHash };
}
