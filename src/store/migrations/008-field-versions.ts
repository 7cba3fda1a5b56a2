import type { Migration } from './index.js';

/**
 * Field-level versions and upgrade-safe comparison:
 * - versions.extractor: the extractor release (src/extract/extractor-version.ts) that read the
 *   version; NULL for versions stored before this migration (an older extractor);
 * - documents.fields_hash: hash of the current version's canonical fields in comparison form,
 *   beside content_hash and title_hash; NULL until the document is next fetched;
 * - documents.key_extractor: the extractor whose reading the three hashes are. It moves on without
 *   a new version when the current extractor reads the stored version's raw body to the same key
 *   the fetched page has; NULL: hashes written before this migration.
 */
export const FIELD_VERSIONS: Migration = {
  version: 8,
  name: 'field-versions-extractor',
  sql: `
ALTER TABLE versions ADD COLUMN extractor INTEGER;
ALTER TABLE documents ADD COLUMN fields_hash TEXT;
ALTER TABLE documents ADD COLUMN key_extractor INTEGER;
`,
};
