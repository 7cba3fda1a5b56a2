/** What every route reads: the read-only archive and the bits of the config the view shows. */
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../log.js';
import { getDocumentById } from '../store/documents.js';
import type { Db } from '../store/database.js';
import type { DocumentRow, VersionRow } from '../store/records.js';
import { getVersion } from '../store/versions.js';

export interface ServeContext {
  /** Opened read-only: no route can write, whatever it asks. */
  db: Db;
  /** Configured sources (names, order); the archive's own sources are shown too. */
  sources: { id: string; name: string }[];
  /** Alert rule names of the config: their feeds exist even before an event matched them. */
  alerts: string[];
  log: Logger;
}

/** The document with this id, or a 404. */
export function documentOr404(db: Db, id: string): DocumentRow {
  const doc = getDocumentById(db, id);
  if (!doc) throw new HTTPException(404, { message: `no document with id "${id}" in the archive` });
  return doc;
}

/** One version of the document, or a 404 naming the versions it has. */
export function versionOr404(db: Db, doc: DocumentRow, version: number): VersionRow {
  const row = getVersion(db, doc.id, version);
  if (!row) throw new HTTPException(404, { message: `document ${doc.id} has versions 1 to ${doc.currentVersion}: there is no version ${version}` });
  return row;
}
