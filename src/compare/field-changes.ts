/**
 * Canonical fields in comparison form: what decides that a field changed (a new version, the
 * change summary, `diff`). A value is compared as its text is (src/compare/comparison-text.ts), so
 * 国发〔2019〕5号 and 国发[2019]5号, or a re-spaced 某某区 教育局, are the same value. Only canonical
 * keys count: a stored version may hold keys of an older release that are no field today.
 */
import { CANONICAL_KEYS } from '../extract/types.js';
import { comparisonText } from './comparison-text.js';

/** The canonical fields that hold a value, in comparison form, in key order. */
export function comparableFields(fields: Readonly<Record<string, string | undefined>>): [string, string][] {
  return CANONICAL_KEYS.flatMap((key) => {
    const value = comparisonText(fields[key] ?? '');
    return value === '' ? [] : [[key, value] as [string, string]];
  });
}

/** The canonical keys whose value differs between two versions, sorted. */
export function changedFields(previous: Readonly<Record<string, string | undefined>>, next: Readonly<Record<string, string | undefined>>): string[] {
  const before = new Map(comparableFields(previous));
  const after = new Map(comparableFields(next));
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}
