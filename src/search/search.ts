import type { Db } from '../store/database.js';
import { documentRecord, type DocumentRecord } from '../store/document-record.js';
import { getAttachmentText } from '../store/attachments.js';
import { getDocumentById } from '../store/documents.js';
import { rankCandidates, type RankedRow } from './rank.js';
import { filterSql, type SearchFilters } from './filters.js';
import { parseTerms, planMatch } from './query.js';
import { containsAny, snippet, type SnippetOptions } from './snippet.js';

export interface SearchOptions extends SearchFilters {
  /** Most results returned. @default DEFAULT_LIMIT (20) */
  limit?: number;
  /** Marks around matches in the snippet. @default PLAIN_MARKS ([ and ]) */
  marks?: Pick<SnippetOptions, 'open' | 'close'>;
}

export interface SearchHit {
  record: DocumentRecord;
  /** Whether the title holds every term (such hits come first). */
  titleMatch: boolean;
  /** bm25 relevance within its tier, lower is better (FTS5's sign convention). */
  score: number;
  snippet: string;
  /** The attachment whose text the snippet is from, when the terms are in no title or page text. */
  attachment?: MatchedAttachment;
}

/** Which attachment of the document matched: its place in the document's list (from 0), name and URL. */
export interface MatchedAttachment {
  position: number;
  name: string;
  url: string;
}

export const DEFAULT_LIMIT = 20;

/**
 * Full-text search over the latest version of every document (removed ones too), best first:
 * documents whose title holds every term, then the others, each tier by bm25. Terms of 3+
 * characters use the trigram index; a query with a shorter term uses the bigram index.
 */
export function searchDocuments(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const terms = parseTerms(query);
  const plan = planMatch(terms);
  if (plan.index === 'none') return [];
  const rows = rankCandidates(db, plan.index, plan.match, filterSql(options), options.limit ?? DEFAULT_LIMIT);
  const termTexts = terms.map((term) => term.text);
  return rows.flatMap((row) => toHit(db, row, termTexts, options));
}

function toHit(db: Db, row: RankedRow, terms: string[], options: SearchOptions): SearchHit[] {
  const doc = getDocumentById(db, row.documentId);
  const record = doc && documentRecord(db, doc);
  if (!record) return [];
  // The text around the first match; else the title's, else the first attachment's that holds a term.
  const hit = { record, titleMatch: row.titleMatch, score: row.score };
  if (containsAny(record.text, terms) || containsAny(record.title, terms)) {
    const source = containsAny(record.text, terms) || !containsAny(record.title, terms) ? record.text : record.title;
    return [{ ...hit, snippet: snippet(source, terms, options.marks) }];
  }
  const matched = matchingAttachment(db, record, terms);
  if (!matched) return [{ ...hit, snippet: snippet(record.text, terms, options.marks) }];
  return [{ ...hit, snippet: snippet(matched.text, terms, options.marks), attachment: matched.attachment }];
}

/** The first attachment whose text holds a term (the index found the terms in the texts together). */
function matchingAttachment(db: Db, record: DocumentRecord, terms: string[]): { attachment: MatchedAttachment; text: string } | undefined {
  for (const [position, entry] of record.attachments.entries()) {
    const text = entry.sha256 && (entry.textLength ?? 0) > 0 ? getAttachmentText(db, entry.sha256) : undefined;
    if (text && containsAny(text, terms)) return { attachment: { position, name: entry.name, url: entry.url }, text };
  }
  return undefined;
}
