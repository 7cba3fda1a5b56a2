/**
 * How many documents a search matches in all, for "3 of 5 documents": searchDocuments returns the
 * best `limit` of them. The count reads the same index and filters as the ranking, without ranking.
 */
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';
import { filterSql, type SearchFilters } from './filters.js';
import { parseTerms, planMatch } from './query.js';

export function countMatches(db: Db, query: string, filters: SearchFilters = {}): number {
  const plan = planMatch(parseTerms(query));
  if (plan.index === 'none') return 0;
  const table = `search_${plan.index}`;
  const { where, params } = filterSql(filters);
  return statement(db, `SELECT count(*) FROM ${table} JOIN search_rows s ON s.rowid = ${table}.rowid WHERE ${table} MATCH ? ${where}`, 'pluck').get(
    plan.match,
    ...params,
  ) as number;
}
