/**
 * Ranking with bounded work. bm25 costs a few microseconds per matching row, so ranking every match
 * of a word found in most of 100,000 documents would take hundreds of milliseconds. Instead two
 * candidate sets are read newest-first (FTS5 walks its doclists by rowid and stops at the LIMIT):
 * the newest CANDIDATES documents whose title holds every term (from the title-only index), and the
 * newest CANDIDATES matches anywhere (title or text). Title matches rank first, each tier by bm25.
 * When a query matches no more than CANDIDATES documents (the usual case for a specific query) the
 * ranking is exact; past that it ranks the most recently archived matches, which for a word found
 * everywhere is what users want.
 */
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';
import type { FilterSql } from './filters.js';

/** Size of each candidate set ranked by bm25 (see above). */
export const CANDIDATES = 2000;

export interface RankedRow {
  documentId: string;
  titleMatch: boolean;
  score: number;
}

export type SearchIndex = 'trigram' | 'bigram';

/** Within the second tier, a term in the title still weighs this much more than one in the text. */
const TITLE_WEIGHT = 10;

export function rankCandidates(db: Db, index: SearchIndex, match: string, filters: FilterSql, limit: number, candidates = CANDIDATES): RankedRow[] {
  // Cached per connection: the SQL varies only with the index, the candidate count and the shape of the filters, never with their values.
  const newest = (table: string, weights: string) =>
    statement(
      db,
      `SELECT s.document_id AS documentId, bm25(${table}${weights}) AS score
    FROM ${table} JOIN search_rows s ON s.rowid = ${table}.rowid
    WHERE ${table} MATCH ? ${filters.where}
    ORDER BY ${table}.rowid DESC LIMIT ${Math.max(1, Math.floor(candidates))}`,
    ).all(match, ...filters.params) as { documentId: string; score: number }[];
  const inTitle = newest(`search_title_${index}`, '');
  const titleIds = new Set(inTitle.map((row) => row.documentId));
  const anywhere = newest(`search_${index}`, `, ${TITLE_WEIGHT}, 1`).filter((row) => !titleIds.has(row.documentId));
  return [...inTitle.map((row) => ({ ...row, titleMatch: true })).sort(byScore), ...anywhere.map((row) => ({ ...row, titleMatch: false })).sort(byScore)].slice(
    0,
    limit,
  );
}

function byScore(a: { score: number }, b: { score: number }): number {
  return a.score - b.score;
}
