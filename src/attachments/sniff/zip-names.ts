/**
 * Lists member names of a ZIP from its central directory, only to tell DOCX/XLSX/PPTX/OFD from a plain
 * ZIP. Identification runs on the caller's thread, so reads are bounds-checked and capped; names are
 * decoded as Latin-1 because only the ASCII names of the container formats matter here. When the central
 * directory is missing or damaged, the names of the leading local headers are used instead.
 */

const centralHeaderSignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const endOfCentralDirectorySignature = 0x06054b50;
const maxNamesForIdentification = 5_000;

export function zipMemberNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fromCentral = centralDirectoryNames(bytes, view);
  return fromCentral.length > 0 ? fromCentral : localHeaderNames(bytes, view);
}

function centralDirectoryNames(bytes: Uint8Array, view: DataView): string[] {
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return [];
  const names: string[] = [];
  let at = view.getUint32(eocd + 16, true);
  while (at + 46 <= bytes.length && names.length < maxNamesForIdentification) {
    if (view.getUint32(at, true) !== centralHeaderSignature) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) break;
    names.push(latin1(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectorySignature) return at;
  }
  return -1;
}

function localHeaderNames(bytes: Uint8Array, view: DataView): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && names.length < 16) {
    if (view.getUint32(at, true) !== localHeaderSignature) break;
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (at + 30 + nameLength > bytes.length) break;
    names.push(latin1(bytes.subarray(at + 30, at + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is not in the local header: stop at the first such entry.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
