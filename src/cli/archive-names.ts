/**
 * What a read command's arguments name, checked against the archive: a source id or a document that
 * does not exist is a usage error (exit 2) listing what does, never an empty answer with exit 0.
 */
import type { Config } from '../config/schema.js';
import { FatalError, UsageError } from '../errors.js';
import { resolveDocument } from '../search/resolve-document.js';
import type { Db } from '../store/database.js';
import type { DocumentRow } from '../store/records.js';

/**
 * Rejects `--source` ids that are neither configured nor in the archive (a source that left the
 * config keeps its documents, so the archive's own list counts too).
 */
export function checkSourceIds(db: Db, config: Config, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const known = new Set([...config.sources.map((source) => source.id), ...(db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as string[])]);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `--source: no source ${unknown.map((id) => `"${id}"`).join(', ')} in the archive or the config: expected one of ${[...known].sort().join(', ') || '(none configured or archived)'}`,
    );
  }
}

/** The document named by id or URL; an unknown one is a usage error (exit 2), like an unknown version. */
export function documentNamed(db: Db, idOrUrl: string): DocumentRow {
  try {
    return resolveDocument(db, idOrUrl);
  } catch (error) {
    if (error instanceof FatalError && !(error instanceof UsageError)) throw new UsageError(error.message);
    throw error;
  }
}
