/**
 * PDF adapter: pdf.js (pdfjs-dist, legacy build). The legacy build is the one pdf.js ships for Node: it
 * polyfills what Node 20 lacks (Promise.withResolvers and friends). Pinned to 5.4.x, the last line whose
 * engines accept Node 20.16+ (5.5 wants 20.19, 5.7 and 6.x want Node 22).
 *
 * The bundled CMaps matter: Chinese PDFs often use a non-embedded CID font such as STSong-Light with an
 * Adobe-GB1 encoding (UniGB-UCS2-H), and without pdf.js's predefined CMaps those glyphs map to nothing.
 * The standard font data covers the 14 base fonts the same way. A PDF with no text on any page is a scan
 * (`textLayer: false`); OCR is then tried when a system tesseract exists.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AttachmentReadError, asReadError } from '../errors.js';
import { ocrPdf } from '../ocr.js';
import { preflightPdf } from './pdf-preflight.js';
import type { Reader, ReaderOutput } from './reader.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these through the file system: plain paths with a trailing separator.
const cMapUrl = join(pdfjsRoot, 'cmaps') + '/';
const standardFontDataUrl = join(pdfjsRoot, 'standard_fonts') + '/';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export const readPdf: Reader = async ({ bytes, limits, ocr, budget }) => {
  await preflightPdf(bytes, budget);
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the array it is given, so it gets a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const output = await readPages(document, limits.maxPdfPages, limits.maxTextChars);
    if (output.textLayer || ocr === 'off') return output;
    // OCR is a bonus: when it fails the scan is still a scan (textLayer false), not a failed read.
    const pages = Math.min(document.numPages, limits.maxPdfPages);
    const recognised = await ocrPdf(bytes, pages, limits.timeoutMs).catch(() => undefined);
    if (recognised === undefined) return output;
    const truncated = output.truncated || !recognised.complete;
    return { ...output, text: recognised.text, ocr: true, ...(truncated ? { truncated } : {}) };
  } catch (error) {
    throw pdfError(error);
  } finally {
    await task.destroy();
  }
};

interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}
interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): void;
}

async function readPages(document: PdfDocument, maxPages: number, maxChars: number): Promise<ReaderOutput> {
  const pages: string[] = [];
  let length = 0;
  const pageCount = Math.min(document.numPages, maxPages);
  for (let pageNumber = 1; pageNumber <= pageCount && length <= maxChars; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent();
    const text = content.items.map(itemText).join('').trim();
    page.cleanup();
    pages.push(text);
    length += text.length + 2;
  }
  const text = pages.join('\n\n').trim();
  const truncated = document.numPages > maxPages || length > maxChars;
  return { text, textLayer: text.length > 0, ...(truncated ? { truncated } : {}) };
}

/** Text items carry `str` (and `hasEOL` at a line end); marked-content items carry neither. */
function itemText(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('str' in item)) return '';
  const { str, hasEOL } = item as { str: unknown; hasEOL?: unknown };
  return (typeof str === 'string' ? str : '') + (hasEOL === true ? '\n' : '');
}

function pdfError(error: unknown): AttachmentReadError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new AttachmentReadError('encrypted', 'PDF is password-protected: no text can be read without the password');
  }
  return asReadError(error, 'PDF');
}
