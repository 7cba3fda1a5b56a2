/**
 * Atom feeds of the recorded events: for everything, one source, one alert rule, or both.
 * `atomFeedXml` reads and builds (a web server calls it with a read-only connection and its own
 * self URL); `exportAtom` is the `export --format atom` writer.
 */
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import type { Db } from '../store/database.js';
import { feedFromEvents } from './atom-entries.js';
import { buildAtomFeed } from './atom-feed.js';
import { alertWasRaised, readFeedEvents, readSourceName, type FeedScope } from './atom-events.js';

/** Entries in a feed unless asked otherwise: readers poll, so the newest hundred is plenty. */
export const DEFAULT_FEED_ENTRIES = 100;

export interface AtomFeedOptions {
  limit?: number;
  selfUrl?: string;
  alternateUrl?: string;
  now?: Date;
}

/** The feed's XML and its entry count. An unknown source is a UsageError (a typo must not look like silence). */
export function atomFeedXml(db: Db, scope: FeedScope, options: AtomFeedOptions = {}): { xml: string; entries: number } {
  const sourceName = sourceNameOf(db, scope);
  const events = readFeedEvents(db, scope, options.limit ?? DEFAULT_FEED_ENTRIES);
  const feed = feedFromEvents(scope, events, {
    now: options.now ?? new Date(),
    ...(sourceName ? { sourceName } : {}),
    ...(options.selfUrl ? { selfUrl: options.selfUrl } : {}),
    ...(options.alternateUrl ? { alternateUrl: options.alternateUrl } : {}),
  });
  return { xml: buildAtomFeed(feed), entries: events.length };
}

function sourceNameOf(db: Db, scope: FeedScope): string | undefined {
  if (scope.sourceId === undefined) return undefined;
  const name = readSourceName(db, scope.sourceId);
  if (name === null) throw new UsageError(`--source: no source "${scope.sourceId}" in the archive (see \`stats\` for the sources)`);
  return name;
}

export interface AtomExportOptions {
  sourceId?: string | undefined;
  alert?: string | undefined;
  limit?: number | undefined;
  /** Alert rule names of the config: an alert that is neither configured nor ever raised is a typo. */
  knownAlerts?: string[];
}

/** Writes one feed (a source's, an alert's, both, or everything's); returns the number of entries. */
export async function exportAtom(db: Db, out: Writable, options: AtomExportOptions): Promise<number> {
  if (options.alert !== undefined && !options.knownAlerts?.includes(options.alert) && !alertWasRaised(db, options.alert)) {
    throw new UsageError(`--alert: no alert rule "${options.alert}" in the config and no event raised it`);
  }
  const scope: FeedScope = { sourceId: options.sourceId, alert: options.alert };
  const { xml, entries } = atomFeedXml(db, scope, options.limit !== undefined ? { limit: options.limit } : {});
  await new Promise<void>((resolve, reject) => out.write(xml, (error) => (error ? reject(error) : resolve())));
  return entries;
}
