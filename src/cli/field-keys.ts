/**
 * Field keys as people type them. `fields` holds canonical keys (validity, publisher …), but a user
 * naturally writes the label the page shows (效力状况, 发布机构): such a label is mapped to its key
 * through the extractor's own label table (src/extract/labels.ts), so an alert rule or a `--field`
 * filter written either way matches; anything else is refused, naming the keys that exist.
 */
import { UsageError } from '../errors.js';
import { canonicalLabel, normalizeLabel } from '../extract/labels.js';
import { CANONICAL_KEYS, type CanonicalKey } from '../extract/types.js';

const KEYS = new Set<string>(CANONICAL_KEYS);

/** The canonical key `key` stands for, or undefined with `problem` saying why not. */
export function canonicalFieldKey(key: string): { key: CanonicalKey; problem?: undefined } | { key?: undefined; problem: string } {
  if (KEYS.has(key)) return { key: key as CanonicalKey };
  const label = canonicalLabel(normalizeLabel(key));
  if (label) return { key: label.key };
  const sameLetters = CANONICAL_KEYS.find((canonical) => canonical.toLowerCase() === key.toLowerCase());
  const hint = sameLetters ? `did you mean "${sameLetters}"? ` : '';
  return {
    problem: `unknown field "${key}": ${hint}expected a canonical key (${CANONICAL_KEYS.join(', ')}) or a label a page shows for one, such as 效力状况 or 发布机构`,
  };
}

/** `--field key=value` → [canonical key, value]; the value may itself contain "=". */
export function parseFieldOption(text: string): [CanonicalKey, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`--field expects key=value (e.g. publisher=某某教育局 or 效力状况=有效), got "${text}"`);
  const { key, problem } = canonicalFieldKey(text.slice(0, at).trim());
  if (problem !== undefined) throw new UsageError(`--field: ${problem}`);
  return [key, text.slice(at + 1)];
}
