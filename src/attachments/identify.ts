/**
 * Identifies an attachment from its bytes alone. Sites lie in both the file extension and the
 * Content-Type header (a .doc that is a DOCX, "application/octet-stream" for everything), so neither is
 * consulted: magic numbers first, then the container's inside (OLE2 stream names, ZIP member names).
 * Cheap and synchronous, safe to call on the caller's thread with hostile bytes.
 */
import { readOle2Directory } from './sniff/ole2-directory.js';
import { zipMemberNames } from './sniff/zip-names.js';
import type { AttachmentKind, Identification } from './types.js';

export const mediaTypes: Record<Exclude<AttachmentKind, 'image'>, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  wps: 'application/wps-office.wps',
  xls: 'application/vnd.ms-excel',
  et: 'application/wps-office.et',
  ppt: 'application/vnd.ms-powerpoint',
  ole2: 'application/x-ole-storage',
  ofd: 'application/ofd',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  other: 'application/octet-stream',
};

const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function identify(bytes: Uint8Array): Identification {
  if (isPdf(bytes)) return known('pdf');
  if (startsWith(bytes, ole2Magic)) return known(ole2Kind(bytes));
  if (isZip(bytes)) return known(zipKind(bytes));
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return known('rar');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return known('7z');
  const image = imageType(bytes);
  if (image) return { kind: 'image', mediaType: image };
  return known('other');
}

function known(kind: Exclude<AttachmentKind, 'image'>): Identification {
  return { kind, mediaType: mediaTypes[kind] };
}

/** Readers accept up to 1 KB of junk before `%PDF-` (servers prepend BOMs and whitespace), so do we. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-', 0, 'latin1') >= 0;
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * Word and Excel are told apart by their main stream. Kingsoft WPS writes the same streams plus its own
 * (`WpsCustomData` in Writer files, `ETExtData` in spreadsheets), which marks a WPS/ET file; one saved
 * without them reads as DOC/XLS, and the same reader handles both.
 */
function ole2Kind(bytes: Uint8Array): Exclude<AttachmentKind, 'image'> {
  const { names, rootClsid } = readOle2Directory(bytes);
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('WordDocument')) return has('WpsCustomData') ? 'wps' : 'doc';
  if (has('Workbook') || has('Book')) return has('ETExtData') ? 'et' : 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  // Root CLSIDs (byte order as stored) of Word 97 and Excel 97/5.0, for files whose streams are unnamed oddly.
  if (rootClsid === '0609020000000000c000000000000046') return 'doc';
  if (rootClsid === '2008020000000000c000000000000046' || rootClsid === '1008020000000000c000000000000046') {
    return 'xls';
  }
  return 'ole2';
}

function zipKind(bytes: Uint8Array): Exclude<AttachmentKind, 'image'> {
  const names = zipMemberNames(bytes);
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('OFD.xml')) return 'ofd';
  if (has('[Content_Types].xml')) {
    if (has('word/document.xml')) return 'docx';
    if (has('xl/workbook.xml')) return 'xlsx';
    if (has('ppt/presentation.xml')) return 'pptx';
  }
  return 'zip';
}

function imageType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39)) return 'image/gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (isBmp(bytes)) return 'image/bmp';
  return undefined;
}

/** "BM" alone is too weak (plain text starts with it), so the DIB header size must be a known one too. */
function isBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 18 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return false;
  const dibHeaderSize = new DataView(bytes.buffer, bytes.byteOffset + 14, 4).getUint32(0, true);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return bytes.length >= to ? String.fromCharCode(...bytes.subarray(from, to)) : '';
}
