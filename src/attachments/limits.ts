/**
 * Turns caller options into complete, checked limits, and applies the text cap. A bad limit is a
 * programming error in the caller (the crawl passes config values already checked by zod), so it throws
 * at once rather than being read as "no limit".
 */
import { defaultReadLimits, type ReadLimits, type ReadOptions } from './types.js';

export function resolveLimits(options: ReadOptions = {}): ReadLimits {
  const limits = { ...defaultReadLimits };
  for (const key of Object.keys(defaultReadLimits) as (keyof ReadLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`expected attachment limit ${key} to be a positive number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Cuts text at the cap without splitting a surrogate pair. */
export function capText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  let end = maxChars;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}
