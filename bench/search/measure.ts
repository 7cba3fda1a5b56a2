/**
 * Latency of `searchDocuments` (what `bureau-watch search` runs, without process start-up) over a
 * mix of queries: 1- and 2-character Chinese terms (bigram index), longer terms (trigram index),
 * several terms, a rare term and one that matches nothing. Each query runs once cold, then the
 * timed rounds follow.
 */
import { openDatabase } from '../../src/store/database.js';
import type { SearchBenchResult } from './run-search.js';
import { searchStorePath } from './generate-store.js';

const QUERIES = ['校', '教育', '招生', '义务教育', '营商环境', '安全生产 专项整治', '双减 课后服务', '第34567号', '量子计算机', '政府信息公开工作'];
const ROUNDS = 20;

export async function measureSearch(documents: number, say: (line: string) => void): Promise<SearchBenchResult> {
  const { searchDocuments } = await import('../../src/search/search.js');
  const db = openDatabase(searchStorePath(documents, say), { readonly: true });
  try {
    const counted = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const timings: number[] = [];
    const perQuery: string[] = [];
    for (const query of QUERIES) {
      const hits = searchDocuments(db, query, { limit: 20 }).length;
      const own: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = process.hrtime.bigint();
        searchDocuments(db, query, { limit: 20 });
        own.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      timings.push(...own);
      perQuery.push(`${query} ${percentile(own, 0.5).toFixed(1)} ms (${hits} hits)`);
    }
    const p50 = percentile(timings, 0.5);
    const p95 = percentile(timings, 0.95);
    const lines = [
      `search latency at ${counted} documents, ${QUERIES.length} queries × ${ROUNDS} rounds, limit 20, in process: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms.`,
      `per query (p50): ${perQuery.join('; ')}.`,
    ];
    for (const line of lines) say(line);
    return { measured: { p95Ms: p95, docs: counted }, lines };
  } finally {
    db.close();
  }
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}
