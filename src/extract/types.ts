/** Canonical metadata keys (see docs/fields.md). `fields` holds only these. */
export const CANONICAL_KEYS = [
  'indexNo',
  'category',
  'publisher',
  'docNo',
  'writtenDate',
  'generatedDate',
  'publishedDate',
  'validity',
  'keywords',
  'summary',
  'title',
  'disclosureMethod',
  'disclosureScope',
  'disclosureTerm',
  'disclosureForm',
  'validUntil',
  'genre',
  'procedure',
] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

export interface Attachment {
  /** Absolute URL. */
  url: string;
  /** Link text, else the file name from the URL. */
  name: string;
}

/** The extract stage's record: everything the store keeps about one document page. */
export interface ExtractedDocument {
  title: string;
  /** YYYY-MM-DD or null. */
  publishedDate: string | null;
  /** Canonical keys only, present only with a real value; dates as YYYY-MM-DD. */
  fields: Partial<Record<CanonicalKey, string>>;
  /** Every label/value pair found, label with inner spaces and colons removed, value as written. */
  labels: Record<string, string>;
  /** Main text as published, paragraphs joined by "\n". */
  text: string;
  attachments: Attachment[];
  /** For each extracted item (title, publishedDate, text, fields.X …), the rule that produced it. */
  provenance: Record<string, string>;
}
