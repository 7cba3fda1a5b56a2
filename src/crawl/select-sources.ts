/** The sources a `crawl` command line names, checked against the config before anything heavy loads. */
import type { Config, SourceConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';

/** Picks the sources named on the command line (all when none), rejecting unknown ids. */
export function selectSources(config: Config, ids: string[]): SourceConfig[] {
  if (ids.length === 0) return config.sources;
  const known = new Map(config.sources.map((source) => [source.id, source]));
  return ids.map((id) => {
    const source = known.get(id);
    if (!source) throw new UsageError(`unknown source "${id}": expected one of ${[...known.keys()].join(', ') || '(none configured)'}`);
    return source;
  });
}
