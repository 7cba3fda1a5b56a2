import { UsageError } from '../errors.js';

/** Narrowing of a search, all ANDed. Values reach SQL only as bound parameters. */
export interface SearchFilters {
  /** Only these sources (any of them). */
  sources?: string[];
  /** publishedDate on or after this day (YYYY-MM-DD). */
  since?: string;
  /** publishedDate on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Canonical field key → exact value. */
  fields?: [key: string, value: string][];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9]*$/;

/** "publisher=无锡市滨湖区教育局" → [key, value]; the value may itself contain "=". */
export function parseFieldFilter(text: string): [string, string] {
  const at = text.indexOf('=');
  const key = at > 0 ? text.slice(0, at) : '';
  if (!FIELD_KEY.test(key)) {
    throw new UsageError(`--field expects key=value with a canonical field key (e.g. publisher=某某教育局), got "${text}"`);
  }
  return [key, text.slice(at + 1)];
}

export function parseDay(option: string, text: string): string {
  if (!DAY.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new UsageError(`${option} expects a date as YYYY-MM-DD, got "${text}"`);
  }
  return text;
}

export interface FilterSql {
  /** Conditions, each starting with AND. */
  where: string;
  params: string[];
}

/** WHERE conditions over search_rows `s`, which holds each document's source, date and fields. */
export function filterSql(filters: SearchFilters): FilterSql {
  const where: string[] = [];
  const params: string[] = [];
  if (filters.sources?.length) {
    where.push(`s.source_id IN (${filters.sources.map(() => '?').join(', ')})`);
    params.push(...filters.sources);
  }
  if (filters.since) {
    where.push('s.published_date >= ?');
    params.push(filters.since);
  }
  if (filters.until) {
    where.push('s.published_date <= ?');
    params.push(filters.until);
  }
  for (const [key, value] of filters.fields ?? []) {
    where.push('json_extract(s.fields, ?) = ?');
    params.push(`$.${key}`, value);
  }
  return { where: where.map((condition) => `AND ${condition}`).join(' '), params };
}
