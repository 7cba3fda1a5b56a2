/**
 * XLSX, XLS and ET adapter: SheetJS, as republished on npm by `@e965/xlsx`.
 *
 * Why this library: the `xlsx` package on npm is frozen at 0.18.5 (SheetJS moved publishing to its own
 * CDN, which this project cannot reach) and 0.18.5 carries CVE-2023-30533 (prototype pollution) and
 * CVE-2024-22363 (ReDoS). `@e965/xlsx` republishes the upstream CDN builds unchanged (0.20.3, with both
 * fixes) and is the maintained way to get current SheetJS from npm. The alternatives fall short: exceljs
 * reads XLSX only (no BIFF8 .xls, which bureaus still publish) and pulls an unmaintained dependency tree;
 * the BIFF8-only readers on npm are unmaintained. SheetJS reads BIFF2–8 and the Kingsoft ET variant with
 * one API. The CommonJS build is loaded because it bundles the code pages that pre-BIFF8 GBK files need.
 *
 * Each sheet becomes its name on one line, then one line per non-empty row with cells joined by tabs.
 */
import { createRequire } from 'node:module';
import { asReadError } from '../errors.js';
import { preflightZip } from './preflight.js';
import type { Reader } from './reader.js';

type SheetJs = typeof import('@e965/xlsx');
let sheetjs: SheetJs | undefined;
const loadSheetJs = (): SheetJs => (sheetjs ??= createRequire(import.meta.url)('@e965/xlsx') as SheetJs);

export const readSpreadsheet: Reader = async (input) => {
  const isZip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  if (isZip) await preflightZip(input, 'XLSX');
  const XLSX = loadSheetJs();
  try {
    const workbook = XLSX.read(Buffer.from(input.bytes), {
      type: 'buffer',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
    const sheets: string[] = [];
    let length = 0;
    for (const name of workbook.SheetNames) {
      const sheet = workbook.Sheets[name];
      if (!sheet || length > input.limits.maxTextChars) continue;
      const rows = XLSX.utils.sheet_to_csv(sheet, { FS: '\t', RS: '\n', blankrows: false, strip: true }).trim();
      sheets.push(rows ? `${name}\n${rows}` : name);
      length += rows.length;
    }
    return { text: sheets.join('\n\n') };
  } catch (error) {
    throw asReadError(error, isZip ? 'XLSX' : 'XLS/ET workbook');
  }
};
