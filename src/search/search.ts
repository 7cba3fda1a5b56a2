import type { Db } from '../store/database.js';
import { documentRecord, type DocumentRecord } from '../store/document-record.js';
import { getDocumentById } from '../store/documents.js';
import { filterSql, type SearchFilters } from './filters.js';
import { parseTerms, planMatch } from './query.js';
import { containsAny, snippet, type SnippetOptions } from './snippet.js';

export interface SearchOptions extends SearchFilters {
  /** Most results returned (default 20). */
  limit?: number;
  /** Marks around matches in the snippet. */
  marks?: Pick<SnippetOptions, 'open' | 'close'>;
}

export interface SearchHit {
  record: DocumentRecord;
  /** bm25 relevance, lower is better (FTS5's sign convention). */
  score: number;
  snippet: string;
}

/** A title match weighs this much more than a match in the text. */
const TITLE_WEIGHT = 10;
export const DEFAULT_LIMIT = 20;

/**
 * Full-text search over the latest version of every document (removed ones too), best first.
 * Terms of 3+ characters use the trigram index; a query with a shorter term uses the bigram index.
 */
export function searchDocuments(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const terms = parseTerms(query);
  const plan = planMatch(terms);
  if (plan.index === 'none') return [];
  const table = plan.index === 'trigram' ? 'search_trigram' : 'search_bigram';
  const filters = filterSql(options);
  const sql = `SELECT s.document_id AS documentId, bm25(${table}, ${TITLE_WEIGHT}, 1) AS score
    FROM ${table} JOIN search_rows s ON s.rowid = ${table}.rowid ${filters.joins}
    WHERE ${table} MATCH ? ${filters.where}
    ORDER BY score LIMIT ?`;
  const rows = db.prepare(sql).all(plan.match, ...filters.params, options.limit ?? DEFAULT_LIMIT) as
    { documentId: string; score: number }[];
  const termTexts = terms.map((term) => term.text);
  return rows.flatMap((row) => {
    const doc = getDocumentById(db, row.documentId);
    const record = doc && documentRecord(db, doc);
    if (!record) return [];
    // The text around the first match; the title when only the title matched.
    const source = containsAny(record.text, termTexts) || !containsAny(record.title, termTexts) ? record.text : record.title;
    return [{ record, score: row.score, snippet: snippet(source, termTexts, options.marks) }];
  });
}
