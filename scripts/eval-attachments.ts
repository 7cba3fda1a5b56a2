/**
 * Scores the attachment readers on the sample files in ../shared/fixtures/attachments (override with env
 * BUREAU_WATCH_ATTACHMENT_FIXTURES), which were made with other tools than the project's own fixtures.
 * For each file in expected.json: the media type identified from the bytes, the text layer (PDFs), and
 * every phrase that must occur in the text. Reads go through the public API, in worker threads.
 *
 *   node --import tsx scripts/eval-attachments.ts [--verbose]
 *
 * Exits 1 when any check fails, 2 when the fixtures are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAttachmentReader, type AttachmentReadResult } from '../src/attachments/index.js';

interface Expectation {
  mediaType: string;
  textLayer?: boolean;
  phrases: string[];
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fixturesDir = process.env.BUREAU_WATCH_ATTACHMENT_FIXTURES ?? resolve(repoRoot, '../shared/fixtures/attachments');
const verbose = process.argv.includes('--verbose');

function checks(expected: Expectation, result: AttachmentReadResult): string[] {
  const problems: string[] = [];
  if (result.status !== 'ok') problems.push(`status ${result.status}: ${result.error ?? ''}`);
  if (result.mediaType !== expected.mediaType) {
    problems.push(`mediaType: expected ${expected.mediaType}, got ${result.mediaType}`);
  }
  if (expected.textLayer !== undefined && result.textLayer !== expected.textLayer) {
    problems.push(`textLayer: expected ${expected.textLayer}, got ${String(result.textLayer)}`);
  }
  for (const phrase of expected.phrases) {
    if (!result.text.includes(phrase)) problems.push(`phrase not found: ${phrase}`);
  }
  return problems;
}

async function main(): Promise<number> {
  const expectedPath = join(fixturesDir, 'expected.json');
  if (!existsSync(expectedPath)) {
    console.error(`expected ${expectedPath} (set BUREAU_WATCH_ATTACHMENT_FIXTURES), found nothing`);
    return 2;
  }
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, Expectation>;
  // OCR off: the scan fixture must come out as textLayer false whatever is installed on this machine.
  const reader = createAttachmentReader({ defaults: { ocr: 'off' } });
  let failedFiles = 0;
  let phrasesFound = 0;
  let phrasesTotal = 0;
  try {
    for (const [name, expectation] of Object.entries(expected)) {
      const started = performance.now();
      const result = await reader.read(readFileSync(join(fixturesDir, name)));
      const elapsed = Math.round(performance.now() - started);
      const problems = checks(expectation, result);
      phrasesTotal += expectation.phrases.length;
      phrasesFound += expectation.phrases.filter((phrase) => result.text.includes(phrase)).length;
      if (problems.length > 0) failedFiles++;
      const layer = result.textLayer === undefined ? '' : ` textLayer=${result.textLayer}`;
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${result.mediaType}${layer} ${result.textLength} chars, ${elapsed} ms`);
      for (const problem of problems) console.log(`     ${problem}`);
      if (verbose) console.log(result.text.replace(/^/gm, '     | '));
    }
  } finally {
    await reader.close();
  }
  const files = Object.keys(expected).length;
  console.log(`\nattachments: ${files - failedFiles}/${files} files pass, ${phrasesFound}/${phrasesTotal} phrases found`);
  return failedFiles === 0 ? 0 : 1;
}

process.exitCode = await main();
