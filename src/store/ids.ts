import { sha256Hex } from '../hash.js';

/** A document's stable id: the first 16 hex digits of the sha256 of its canonical URL. */
export function documentIdFor(url: string): string {
  return sha256Hex(url).slice(0, 16);
}
