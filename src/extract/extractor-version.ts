/**
 * Which extractor read a stored version. Bump it with every change to what extraction makes of
 * the same bytes (a title rule, a byline moved out of the body, a new label synonym), and with a
 * change of the comparison forms the archive hashes (src/compare/comparison-text.ts): the archive
 * then knows that a stored version was read by another extractor, and before calling a difference
 * a change it reads that version's stored raw body again with the current one (src/archive/reread.ts).
 * Without a bump, a re-crawl after the upgrade would raise `document.updated` for pages whose only
 * difference is how they are read. tests/extract/extractor-version.test.ts fails until it is bumped.
 * Versions stored before migration 008 have none (NULL): an older extractor.
 */
export const EXTRACTOR_VERSION = 1;
