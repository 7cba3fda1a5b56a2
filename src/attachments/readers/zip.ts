/**
 * ZIP adapter: lists every member (names decoded as zip/member-name.ts explains) and reads the members
 * of readable kinds one level deep — a ZIP inside the ZIP is listed, not opened. The text is each read
 * member's name on a line, then its text. A member that fails to read is recorded as failed and the rest
 * go on; running out of the inflate budget fails the whole archive, since that budget is the file's.
 */
import { errorMessage } from '../../errors.js';
import { AttachmentReadError } from '../errors.js';
import { identify } from '../identify.js';
import type { AttachmentKind, ZipMember } from '../types.js';
import { ZipArchive, type ArchiveEntry } from '../zip/archive.js';
import type { Reader, ReaderInput } from './reader.js';

const notOpened: ReadonlySet<AttachmentKind> = new Set(['zip', 'rar', '7z', 'other', 'ole2', 'ppt', 'pptx']);

export const readZip: Reader = async (input) => {
  const archive = await ZipArchive.open(input.bytes, input.budget, 'ZIP', input.limits.maxZipMembers);
  try {
    const members: ZipMember[] = [];
    const texts: string[] = [];
    let length = 0;
    for (const entry of archive.entries) {
      if (entry.isDirectory) continue;
      const { member, text } = await readEntry(archive, entry, input, length > input.limits.maxTextChars);
      members.push(member);
      if (text) {
        texts.push(`${member.name}\n${text}`);
        length += text.length;
      }
    }
    const truncated = archive.listingCut || length > input.limits.maxTextChars;
    return { text: texts.join('\n\n'), members, ...(truncated ? { truncated } : {}) };
  } finally {
    archive.close();
  }
};

async function readEntry(archive: ZipArchive, entry: ArchiveEntry, input: ReaderInput, textFull: boolean): Promise<{ member: ZipMember; text?: string }> {
  const base = { name: entry.name, size: entry.uncompressedSize, textLength: 0 };
  let bytes: Uint8Array;
  try {
    bytes = await archive.read(entry);
  } catch (error) {
    // A damaged member is that member's failure; the spent budget is the whole archive's.
    if (error instanceof AttachmentReadError && error.failure === 'too-large') throw error;
    const other = { kind: 'other' as const, mediaType: 'application/octet-stream' };
    return { member: { ...base, ...other, status: 'failed', error: errorMessage(error) } };
  }
  const { kind, mediaType } = identify(bytes);
  if (notOpened.has(kind) || textFull || !input.readMember) {
    return { member: { ...base, kind, mediaType, status: 'skipped' } };
  }
  const result = await input.readMember(bytes);
  if (result.failure === 'too-large') throw new AttachmentReadError('too-large', result.error ?? 'ZIP member too large');
  const member: ZipMember = {
    ...base,
    kind,
    mediaType,
    status: result.status,
    textLength: result.textLength,
    ...(result.textLayer !== undefined ? { textLayer: result.textLayer } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  return { member, text: result.text };
}
