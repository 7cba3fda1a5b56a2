/**
 * One benchmark child: reads one type's file through the public API (worker threads, default limits,
 * OCR off) after one warm-up read that loads the libraries, then as often as fits in the time budget.
 * Prints one JSON line; peak RSS and CPU come from bench/report-usage.ts preloaded by the parent.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as Attachments from '../../src/attachments/index.js';

const [type, filePath, budget, compiledIndex] = process.argv.slice(2) as [string, string, string, string | undefined];
const budgetMs = Number(budget);
// The file is made by the parent, so generating it does not count in this process's peak RSS;
// the library is the one the parent compiled to JavaScript, so workers run what the package ships.
const { createAttachmentReader } = (await import(compiledIndex ? pathToFileURL(compiledIndex).href : '../../src/attachments/index.js')) as typeof Attachments;
const bytes = new Uint8Array(readFileSync(filePath));
const reader = createAttachmentReader({ defaults: { ocr: 'off' } });

const warmStart = performance.now();
const warm = await reader.read(bytes);
const firstReadMs = performance.now() - warmStart;
if (warm.status !== 'ok') throw new Error(`expected the ${type} bench file to read, got: ${warm.error}`);

let reads = 0;
const started = performance.now();
while (reads < 3 || (performance.now() - started < budgetMs && reads < 200)) {
  await reader.read(bytes);
  reads++;
}
const elapsedMs = performance.now() - started;
await reader.close();
console.log(JSON.stringify({ type, bytes: bytes.length, textLength: warm.textLength, firstReadMs, reads, elapsedMs }));
