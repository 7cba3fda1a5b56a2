import { canonicalUrl } from '../discover/canonical-url.js';
import { FatalError } from '../errors.js';
import type { Db } from '../store/database.js';
import { findDocument, getDocumentByUrl } from '../store/documents.js';
import type { DocumentRow } from '../store/records.js';
import { statement } from '../store/statements.js';

/**
 * The document a user names by id or URL. A URL is also tried in its canonical spelling (the one
 * the archive stores), so a pasted link with a fragment or session id still finds its page.
 */
export function resolveDocument(db: Db, idOrUrl: string): DocumentRow {
  const canonical = canonicalUrl(idOrUrl);
  const doc = findDocument(db, idOrUrl) ?? (canonical ? getDocumentByUrl(db, canonical) : undefined);
  if (!doc) throw new FatalError(`no document with id or URL "${idOrUrl}" in the archive (ids are 16 hex digits; see \`search\` or \`export\`)`);
  return doc;
}

/** How many versions a document has (without reading their texts). */
export function versionCount(db: Db, documentId: string): number {
  return statement(db, 'SELECT count(*) FROM versions WHERE document_id = ?', 'pluck').get(documentId) as number;
}
