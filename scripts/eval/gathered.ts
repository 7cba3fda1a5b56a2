/**
 * Scores the extractor on pages whose ground truth was written by reading each page
 * (scripts/eval/*-truth.json; the pages themselves stay in ../shared/fixtures/real and never
 * enter the repository). Per page: title, published date, the canonical fields the page shows,
 * the first and last characters of the main text, and the attachment names. Prints the
 * failures as a list, then totals against the targets of issue #13.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument } from '../../src/extract/index.js';

/** One page's ground truth, as written in the truth file. */
export interface PageTruth {
  file: string;
  /** The page's address when known (null when the source did not record it). */
  url: string | null;
  site: string;
  title: string;
  publishedDate: string | null;
  /** Canonical keys (see ../shared/reference/fields.md) that the page visibly shows. */
  fields: Record<string, string>;
  /** Start and end of the main text; compared with all whitespace removed. */
  bodyStart: string;
  bodyEnd: string;
  /** Names of the files the page offers for download. */
  attachments: string[];
}

interface TruthFile {
  pages: PageTruth[];
}

type Check = 'title' | 'date' | 'fields' | 'bodyStart' | 'bodyEnd' | 'attachments';
const CHECKS: Check[] = ['title', 'date', 'fields', 'bodyStart', 'bodyEnd', 'attachments'];
/** Targets from issue #13's acceptance: title, date, fields ≥ 97 %; body start and end ≥ 95 %. */
const TARGETS: Record<Check, number> = { title: 0.97, date: 0.97, fields: 0.97, bodyStart: 0.95, bodyEnd: 0.95, attachments: 0.95 };

interface PageResult {
  file: string;
  site: string;
  failures: Map<Check, string>;
  extraFields: string[];
}

/** Whitespace folded to one space (U+3000 and &nbsp; too), ends trimmed. */
function fold(value: string | undefined | null): string {
  return (value ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** All whitespace removed: how body starts and ends are compared (line breaks are layout, not text). */
function squeeze(value: string): string {
  return value.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

function cut(text: string, max = 28): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function checkFields(truth: PageTruth, doc: ExtractedDocument): string | null {
  const wrong: string[] = [];
  for (const [key, expected] of Object.entries(truth.fields)) {
    const actual = fold((doc.fields as Record<string, string | undefined>)[key]);
    if (actual !== fold(expected)) wrong.push(`${key}: want "${cut(fold(expected), 24)}" got "${cut(actual, 24)}"`);
  }
  return wrong.length === 0 ? null : wrong.join('; ');
}

function checkAttachments(truth: PageTruth, doc: ExtractedDocument): string | null {
  const want = truth.attachments.map(fold).sort();
  const got = doc.attachments.map((a) => fold(a.name)).sort();
  const missing = want.filter((name) => !got.includes(name));
  const extra = got.filter((name) => !want.includes(name));
  if (missing.length === 0 && extra.length === 0) return null;
  const parts = [];
  if (missing.length > 0) parts.push(`missing ${missing.map((n) => `"${cut(n)}"`).join(', ')}`);
  if (extra.length > 0) parts.push(`extra ${extra.map((n) => `"${cut(n)}"`).join(', ')}`);
  return parts.join('; ');
}

function scorePage(truth: PageTruth, doc: ExtractedDocument): PageResult {
  const failures = new Map<Check, string>();
  if (fold(doc.title) !== fold(truth.title)) failures.set('title', `want "${cut(fold(truth.title))}" got "${cut(fold(doc.title))}"`);
  if (doc.publishedDate !== truth.publishedDate) failures.set('date', `want ${truth.publishedDate ?? 'none'} got ${doc.publishedDate ?? 'none'}`);
  const fields = checkFields(truth, doc);
  if (fields) failures.set('fields', fields);
  const text = squeeze(doc.text);
  const start = squeeze(truth.bodyStart);
  const end = squeeze(truth.bodyEnd);
  if (!text.startsWith(start)) failures.set('bodyStart', `want "${cut(start)}" got "${cut(text)}"`);
  if (!text.endsWith(end)) failures.set('bodyEnd', `want "…${cut(end)}" got "…${[...text].slice(-27).join('')}"`);
  const attachments = checkAttachments(truth, doc);
  if (attachments) failures.set('attachments', attachments);
  const extraFields = Object.keys(doc.fields).filter((key) => !(key in truth.fields));
  return { file: truth.file, site: truth.site, failures, extraFields };
}

function printResults(label: string, results: PageResult[], verbose: boolean): boolean {
  const sites = new Set(results.map((r) => r.site));
  console.log(`\n== ${label}: ${results.length} pages from ${sites.size} sites, truth written by reading each page`);
  for (const result of results) {
    if (result.failures.size === 0 && !verbose) continue;
    console.log(`${result.file}  ${result.failures.size === 0 ? 'ok' : 'WRONG'}`);
    for (const [check, detail] of result.failures) console.log(`    ${check.padEnd(11)} ${detail}`);
    if (verbose && result.extraFields.length > 0) console.log(`    (fields not in the truth: ${result.extraFields.join(', ')})`);
  }
  let met = true;
  for (const check of CHECKS) {
    const right = results.filter((r) => !r.failures.has(check)).length;
    const share = results.length === 0 ? 0 : right / results.length;
    const ok = share >= TARGETS[check];
    met &&= ok;
    console.log(`${check.padEnd(11)} ${right}/${results.length} (${(share * 100).toFixed(0)}%, target ≥ ${TARGETS[check] * 100}%) ${ok ? 'MET' : 'MISSED'}`);
  }
  const allRight = results.filter((r) => r.failures.size === 0).length;
  console.log(`pages with everything right: ${allRight}/${results.length}`);
  return met;
}

/**
 * Scores the pages of one truth file against the files under `dir`. Returns undefined (and says
 * why) when the folder or the truth file is missing, so the eval stays optional.
 */
export function evalTruthSet(
  label: string,
  dir: string,
  truthPath: string,
  extract: (path: string, url: string) => ExtractedDocument,
  verbose: boolean,
): boolean | undefined {
  if (!existsSync(dir)) {
    console.log(`\n== ${label}: skipped: folder not found (${dir})`);
    return undefined;
  }
  if (!existsSync(truthPath)) {
    console.log(`\n== ${label}: skipped: truth file not found (${truthPath})`);
    return undefined;
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as TruthFile;
  const results: PageResult[] = [];
  const missing: string[] = [];
  for (const page of truth.pages) {
    const path = join(dir, page.file);
    if (!existsSync(path)) {
      missing.push(page.file);
      continue;
    }
    let doc: ExtractedDocument;
    try {
      doc = extract(path, page.url ?? '');
    } catch (error) {
      // A crash is a result too: every check of the page fails, the run goes on.
      const message = `extractor threw: ${error instanceof Error ? error.message : String(error)}`;
      results.push({ file: page.file, site: page.site, failures: new Map(CHECKS.map((c) => [c, message])), extraFields: [] });
      continue;
    }
    results.push(scorePage(page, doc));
  }
  const met = printResults(label, results, verbose);
  if (missing.length > 0) console.log(`pages in the truth file but not in the folder (not scored): ${missing.join(', ')}`);
  return met;
}
