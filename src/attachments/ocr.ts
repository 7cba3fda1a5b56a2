/**
 * Optional OCR through system binaries: `tesseract` for the recognition and, for PDFs, poppler's
 * `pdftoppm` to render pages. Neither is required: when one is missing, OCR is skipped and the caller
 * keeps `textLayer: false`. Child processes run with a deadline inside the read's own time cap (they live
 * outside the worker, so the worker's termination alone would not stop them) and single-threaded, since
 * the machine is shared.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { imageSize } from './sniff/image-size.js';

const run = promisify(execFile);
/** Part of the read's time cap OCR may use; the rest is left for the worker to report back. */
const ocrShareOfTimeout = 0.8;
/** Pages are rendered to this many pixels on the long side, whatever size the page claims to be. */
const renderLongSide = '2200';
/** A page is not started with less time than this left. */
const minimumPageTimeMs = 2_000;
/** 40 megapixels: an A4 page scanned at 600 dpi is 35. */
const maxOcrPixels = 40_000_000;

interface OcrTools {
  languages: string;
  canRenderPdf: boolean;
}

let tools: OcrTools | null | undefined;

/** Which OCR tools exist, looked up once per worker. `null` when tesseract is absent. */
export function ocrTools(): OcrTools | null {
  if (tools !== undefined) return tools;
  const listed = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
  if (listed.status !== 0) return (tools = null);
  const installed = new Set(`${listed.stdout}\n${listed.stderr}`.split(/\s+/));
  const languages = ['chi_sim', 'eng'].filter((language) => installed.has(language)).join('+') || 'eng';
  const canRenderPdf = spawnSync('pdftoppm', ['-v'], { timeout: 10_000 }).status === 0;
  return (tools = { languages, canRenderPdf });
}

export interface OcrText {
  text: string;
  /** False when the time share ran out before the last page. */
  complete: boolean;
}

/**
 * OCRs the first `pages` pages of a PDF, one page at a time (render, recognise), until the time share
 * runs out: a long scan yields the pages that fit rather than nothing. Undefined when the tools are
 * missing or nothing was recognised.
 */
export async function ocrPdf(bytes: Uint8Array, pages: number, timeoutMs: number): Promise<OcrText | undefined> {
  const found = ocrTools();
  if (!found?.canRenderPdf || pages < 1) return undefined;
  const deadline = Date.now() + timeoutMs * ocrShareOfTimeout;
  return withTempDir(async (dir) => {
    const input = join(dir, 'in.pdf');
    await writeFile(input, bytes);
    const texts: string[] = [];
    let page = 1;
    for (; page <= pages && deadline - Date.now() > minimumPageTimeMs; page++) {
      const image = join(dir, `page-${page}`);
      const pageArgs = ['-f', String(page), '-l', String(page), '-singlefile'];
      await run('pdftoppm', ['-scale-to', renderLongSide, '-gray', '-png', ...pageArgs, input, image], { timeout: remaining(deadline) });
      texts.push(await recognise(`${image}.png`, found.languages, deadline));
      await rm(`${image}.png`, { force: true });
    }
    const text = nonEmpty(texts.join('\n\n'));
    return text === undefined ? undefined : { text, complete: page > pages };
  });
}

/**
 * OCRs one image given as bytes. Only formats whose header gives the pixel size are OCRed, and only up
 * to maxOcrPixels: a tiny file can claim a huge canvas, and tesseract would allocate all of it.
 */
export async function ocrImage(bytes: Uint8Array, timeoutMs: number): Promise<string | undefined> {
  const found = ocrTools();
  const size = imageSize(bytes);
  if (!found || !size || size.width * size.height > maxOcrPixels) return undefined;
  const deadline = Date.now() + timeoutMs * ocrShareOfTimeout;
  return withTempDir(async (dir) => {
    const input = join(dir, 'image');
    await writeFile(input, bytes);
    return nonEmpty(await recognise(input, found.languages, deadline));
  });
}

async function recognise(image: string, languages: string, deadline: number): Promise<string> {
  const { stdout } = await run('tesseract', [image, 'stdout', '-l', languages], {
    timeout: remaining(deadline),
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  // Tesseract puts spaces between CJK characters; they are not in the document.
  return stdout.replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '').trim();
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bureau-watch-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function remaining(deadline: number): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('OCR ran out of its share of the time cap');
  return left;
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}
