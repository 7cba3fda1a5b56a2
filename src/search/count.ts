/**
 * How many documents a search matches in all, for "3 of 5 documents": searchDocuments returns the
 * best `limit` of them. The count reads the same index and filters as the ranking, without ranking.
 */
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';
import { filterSql, type SearchFilters } from './filters.js';
import { matchExpression, parseTerms } from './query.js';

export function countMatches(db: Db, query: string, filters: SearchFilters = {}): number {
  const match = matchExpression(parseTerms(query));
  if (match === null) return 0;
  const { where, params } = filterSql(filters);
  return statement(
    db,
    `SELECT count(*) FROM search_bigram JOIN search_rows s ON s.rowid = search_bigram.rowid WHERE search_bigram MATCH ? ${where}`,
    'pluck',
  ).get(match, ...params) as number;
}
