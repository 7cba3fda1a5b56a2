import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../child.js';

/** Search latency on a generated store; skipped with a clear line while `src/search/` does not exist. */
export interface SearchBenchResult {
  measured: { p95Ms: number; docs: number } | null;
  lines: string[];
}

export async function runSearchBench(documents: number, say: (line: string) => void): Promise<SearchBenchResult> {
  if (!existsSync(join(REPO_ROOT, 'src', 'search'))) {
    const line = 'search latency: skipped — there is no search command yet (src/search/ does not exist).';
    say(line);
    return { measured: null, lines: [line] };
  }
  const { measureSearch } = await import('./measure.js');
  return measureSearch(documents, say);
}
