/**
 * Decodes a ZIP member name from its raw bytes. The ZIP spec says names without the UTF-8 flag (bit 11)
 * are CP437, but archives made on Chinese Windows hold GBK bytes there, and macOS writes UTF-8 without
 * setting the flag. So: the Info-ZIP Unicode Path field when present, the flag when set, then bytes that
 * are valid UTF-8, and GB18030 (a superset of GBK) for the rest.
 */
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import type yauzl from 'yauzl';

const unicodePathExtraField = 0x7075;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeMemberName(entry: yauzl.Entry): string {
  // With decodeStrings: false yauzl hands over the raw bytes.
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  const fromExtra = unicodePathName(entry, raw);
  if (fromExtra !== undefined) return fromExtra;
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return raw.toString('utf8');
  return decodeUnflagged(raw);
}

export function decodeUnflagged(raw: Uint8Array): string {
  if (raw.every((byte) => byte < 0x80)) return Buffer.from(raw).toString('latin1');
  try {
    return strictUtf8.decode(raw);
  } catch {
    return iconv.decode(Buffer.from(raw), 'gb18030');
  }
}

/**
 * Info-ZIP 0x7075: version (1), CRC-32 of the header name (4), then the UTF-8 name. A CRC that does not
 * match means a tool renamed the entry without updating the field, so the field is stale and ignored.
 */
function unicodePathName(entry: yauzl.Entry, headerName: Buffer): string | undefined {
  const field = entry.extraFields.find((extra) => extra.id === unicodePathExtraField);
  if (!field || field.data.length < 6 || field.data[0] !== 1) return undefined;
  if (field.data.readUInt32LE(1) !== crc32(headerName)) return undefined;
  try {
    return strictUtf8.decode(field.data.subarray(5));
  } catch {
    return undefined;
  }
}
