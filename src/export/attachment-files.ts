/**
 * `export --attachments DIR`: the attachment files of the latest version of every document, each
 * written once as `<sha256>.<extension>` (the extension from the kind identified by its bytes, never
 * from the site's name), and `index.jsonl`: one line per attachment of each document, naming its file
 * (null when no bytes were fetched). Files are written to a temporary name and renamed, so a file
 * present is complete; the index is written last, replacing the previous one only when complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaTypes } from '../attachments/index.js';
import { FatalError, errorMessage } from '../errors.js';
import { getBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import { iterateDocumentRecords } from '../store/document-record.js';
import type { SourceScope } from '../store/documents.js';
import { terminalJson } from '../terminal-safe.js';
import { writeExportFile } from './export-file.js';
import { writeLine } from './write-line.js';

export const ATTACHMENT_INDEX = 'index.jsonl';

export interface AttachmentExport {
  /** Attachment entries listed in the index. */
  entries: number;
  /** Distinct files present in the directory for them. */
  files: number;
}

export async function exportAttachmentFiles(db: Db, dir: string, sources?: SourceScope): Promise<AttachmentExport> {
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw new FatalError(`cannot export attachments to ${dir}: ${errorMessage(error)}`);
  });
  const files = new Set<string>();
  let entries = 0;
  await writeExportFile(join(dir, ATTACHMENT_INDEX), async (out) => {
    for (const record of iterateDocumentRecords(db, sources)) {
      for (const [position, entry] of record.attachments.entries()) {
        const file = entry.sha256 ? await writeAttachment(db, dir, entry.sha256, entry.mediaType ?? null, files) : null;
        await writeLine(
          out,
          terminalJson({
            documentId: record.id,
            documentUrl: record.url,
            source: record.source,
            version: record.version,
            position,
            name: entry.name,
            url: entry.url,
            status: entry.status ?? null,
            sha256: entry.sha256 ?? null,
            size: entry.size ?? null,
            mediaType: entry.mediaType ?? null,
            file,
          }),
        );
        entries++;
      }
    }
  });
  return { entries, files: files.size };
}

/** The file's name in the directory, written unless already there (a previous export, another document). */
async function writeAttachment(db: Db, dir: string, sha256: string, mediaType: string | null, done: Set<string>): Promise<string | null> {
  const name = `${sha256}${extensionOf(mediaType)}`;
  if (done.has(name)) return name;
  const bytes = getBlob(db, sha256);
  if (!bytes) return null;
  const path = join(dir, name);
  const existing = await stat(path).catch(() => null);
  if (existing?.size !== bytes.byteLength) {
    const temporary = join(dir, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new FatalError(`cannot write attachment ${path}: ${errorMessage(error)}`);
    }
  }
  done.add(name);
  return name;
}

const KIND_BY_MEDIA_TYPE = new Map<string, string>(Object.entries(mediaTypes).map(([kind, type]) => [type, kind]));
const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/tiff': '.tif',
  'image/bmp': '.bmp',
  'image/webp': '.webp',
};

/** `.pdf`, `.docx`, `.ofd` … by the kind identified from the bytes; `.bin` for anything else. */
export function extensionOf(mediaType: string | null): string {
  if (!mediaType) return '.bin';
  const kind = KIND_BY_MEDIA_TYPE.get(mediaType);
  if (kind && kind !== 'other' && kind !== 'ole2') return `.${kind}`;
  return IMAGE_EXTENSIONS[mediaType] ?? '.bin';
}
