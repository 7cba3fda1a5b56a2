/**
 * Query parameters of the web view and the API, read into the same options the CLI builds from its
 * flags (and checked by the same functions, so `since=2024-13-01` is refused the same way).
 * A bad value is a UsageError, answered 400.
 */
import type { Context } from 'hono';
import { UsageError } from '../errors.js';
import { EVENT_TYPES, type EventType } from '../events/event-types.js';
import { parseDay, parseFieldFilter, type SearchFilters } from '../search/filters.js';
import { DEFAULT_LIMIT } from '../search/search.js';

/** Most results a single request may ask for: bounded work per request. */
export const MAX_LIMIT = 200;

export interface SearchParams extends SearchFilters {
  query: string;
  limit: number;
}

export function searchParams(c: Context): SearchParams {
  const since = c.req.query('since') || undefined;
  const until = c.req.query('until') || undefined;
  return {
    query: c.req.query('q') ?? '',
    limit: positiveInteger(c, 'limit', DEFAULT_LIMIT, MAX_LIMIT),
    sources: (c.req.queries('source') ?? []).filter(Boolean),
    fields: (c.req.queries('field') ?? []).filter(Boolean).map((text) => withName('field', () => parseFieldFilter(text))),
    ...(since ? { since: withName('since', () => parseDay('since', since)) } : {}),
    ...(until ? { until: withName('until', () => parseDay('until', until)) } : {}),
  };
}

/** An optional positive integer parameter, at most `max`. */
export function positiveInteger(c: Context, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = c.req.query(name);
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${name} expects a whole number from 1 to ${max}, got "${text}"`);
  }
  return value;
}

/** An optional version number parameter. */
export function versionParam(c: Context, name: string): number | undefined {
  return c.req.query(name) ? positiveInteger(c, name, 1) : undefined;
}

export function eventTypeParam(c: Context): EventType | undefined {
  const type = c.req.query('type') || undefined;
  if (type === undefined) return undefined;
  if (!(EVENT_TYPES as readonly string[]).includes(type)) throw new UsageError(`type expects one of ${EVENT_TYPES.join(', ')}, got "${type}"`);
  return type as EventType;
}

/** The CLI's messages name its flags (`--field expects …`); here the parameter is meant. */
function withName<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message.replace(/^--?[a-z]+/u, name));
    throw error;
  }
}
