/**
 * Reads one attachment in the current thread: identify, hand to the kind's adapter, cap the text, and
 * turn any error into a `failed` result. The worker calls this; nothing on the caller's thread should,
 * since the adapters parse hostile bytes with large libraries.
 */
import { identify } from './identify.js';
import { capText } from './limits.js';
import { failedResult } from './result.js';
import { readDocx } from './readers/docx.js';
import { readImage } from './readers/image.js';
import { readOfd } from './readers/ofd.js';
import { readPdf } from './readers/pdf.js';
import type { Reader, ReaderOutput } from './readers/reader.js';
import { readSpreadsheet } from './readers/spreadsheet.js';
import { readWordBinary } from './readers/word-binary.js';
import { readZip } from './readers/zip.js';
import type { AttachmentKind, AttachmentReadResult, Identification, ReadLimits } from './types.js';
import { inflateBudget, type InflateBudget } from './zip/archive.js';

const readers: Partial<Record<AttachmentKind, Reader>> = {
  pdf: readPdf,
  docx: readDocx,
  doc: readWordBinary,
  wps: readWordBinary,
  xlsx: readSpreadsheet,
  xls: readSpreadsheet,
  et: readSpreadsheet,
  ofd: readOfd,
  zip: readZip,
  image: readImage,
};

export interface InProcessOptions {
  limits: ReadLimits;
  ocr: 'auto' | 'off';
}

export async function readInProcess(
  bytes: Uint8Array,
  options: InProcessOptions,
  budget: InflateBudget = inflateBudget(options.limits.maxDecompressedBytes),
  isMember = false,
): Promise<AttachmentReadResult> {
  const identification = identify(bytes);
  const reader = readers[identification.kind];
  if (!reader) return { ...identification, status: 'ok', text: '', textLength: 0 };
  try {
    // Members are read without OCR: each OCR may take most of the time cap, which is the whole ZIP's.
    const memberOptions: InProcessOptions = { ...options, ocr: 'off' };
    const readMember = isMember ? undefined : (member: Uint8Array) => readInProcess(member, memberOptions, budget, true);
    const output = await reader({ bytes, limits: options.limits, budget, ocr: options.ocr, readMember });
    return okResult(identification, output, options.limits.maxTextChars);
  } catch (error) {
    return failedResult(identification, error);
  }
}

function okResult(identification: Identification, output: ReaderOutput, maxChars: number): AttachmentReadResult {
  const { text, truncated } = capText(output.text, maxChars);
  return {
    ...identification,
    status: 'ok',
    text,
    textLength: text.length,
    ...(output.textLayer !== undefined ? { textLayer: output.textLayer } : {}),
    ...(output.ocr ? { ocr: true } : {}),
    ...(truncated || output.truncated ? { truncated: true } : {}),
    ...(output.members ? { members: output.members } : {}),
  };
}
