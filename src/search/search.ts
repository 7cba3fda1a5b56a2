import type { Db } from '../store/database.js';
import { documentRecord, type DocumentRecord } from '../store/document-record.js';
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
  // The text around the first match; the title when only the title matched.
  const source = containsAny(record.text, terms) || !containsAny(record.title, terms) ? record.text : record.title;
  return [{ record, titleMatch: row.titleMatch, score: row.score, snippet: snippet(source, terms, options.marks) }];
}
