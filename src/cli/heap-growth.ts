/**
 * How far V8 lets the heap grow past what survived the last full GC. By default it picks a factor
 * of up to 4× from how fast the program allocates, and a crawl allocates fast (every page decoded,
 * parsed and dropped): on the 2,000-document bench the heap reached ~300 MB around a live set of
 * ~100 MB, and the process ~490 MB of RSS. A fixed 50% keeps the same run near 340 MB for no
 * measurable CPU (docs/benchmarks.md). Only the growth policy changes: the heap's size limit stays
 * V8's, so a run that needs more memory still gets it.
 *
 * Imported first by the CLI entry point, before any module allocates much. V8 reads this flag each
 * time it sets a new heap limit, so setting it at run time takes effect (verified by the bench). A
 * user's own `node --heap-growing-percent=N` wins (Node refuses V8 flags in NODE_OPTIONS).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Whether node was started with its own heap growth setting (V8 accepts - and _ alike). */
export function userSetHeapGrowth(execArgv: readonly string[]): boolean {
  return execArgv.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag));
}

if (!userSetHeapGrowth(process.execArgv)) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
