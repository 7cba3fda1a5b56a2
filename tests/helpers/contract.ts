/**
 * The document record's keys, as docs/contract.md lists them (export jsonl line, search --json item,
 * show --json): written out here, not imported from src, so a record that loses one fails a test.
 */
export const CONTRACT_RECORD_KEYS = [
  'id',
  'source',
  'url',
  'title',
  'publishedDate',
  'fields',
  'labels',
  'text',
  'attachments',
  'version',
  'contentHash',
  'status',
  'firstSeenAt',
  'lastChangedAt',
  'duplicateOf',
] as const;
