/**
 * Checks one attachment link of a document: fetch (conditionally when its file is known), identify
 * and read a file new to the archive in a worker, and say what the version records for it. A file
 * already stored (same sha256, here or on any other document) is neither read nor stored again.
 * A failed fetch of a URL that served a file before keeps that file: a timeout never makes the
 * attachment vanish from the record. Never throws for what a site sends.
 */
import type { AttachmentReader, ReadOptions } from '../attachments/index.js';
import type { AttachmentOutcome } from '../archive/snapshot.js';
import type { Attachment } from '../extract/types.js';
import { fetchAttachment, type AttachmentAnswer, type AttachmentFetchOptions } from '../fetch/attachment-fetcher.js';
import { dispositionFileName } from '../fetch/content-disposition.js';
import { sha256Hex } from '../hash.js';
import type { Logger } from '../log.js';
import { getAttachmentFileFacts, getAttachmentUrlState, type AttachmentFileFacts, type AttachmentUrlState } from '../store/attachments.js';
import { encodeBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import type { AttachmentEntry, AttachmentStatus } from '../store/records.js';

export interface AttachmentCheck {
  db: Db;
  reader: AttachmentReader;
  readOptions: ReadOptions;
  fetch: AttachmentFetchOptions;
  log: Logger;
  /** For log lines: the source and the document the link is on. */
  context: { source: string; document: string };
}

/** Kinds whose files are compressed already (ZIP containers, PDF streams, images): stored as they are. */
const STORED_AS_IS = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'ofd', 'zip', 'rar', '7z', 'image']);

export async function checkAttachment(link: Attachment, check: AttachmentCheck): Promise<AttachmentOutcome> {
  const previous = getAttachmentUrlState(check.db, link.url);
  const known = previous?.sha256 ? getAttachmentFileFacts(check.db, previous.sha256) : undefined;
  const answer = await fetchAttachment(
    { url: link.url, etag: known ? previous?.etag : null, lastModified: known ? previous?.lastModified : null },
    check.fetch,
  );
  switch (answer.kind) {
    case 'file':
      return fileOutcome(link, answer, check);
    case 'not-modified':
      return known && previous
        ? carried(link, known, previous, answer.fetchedAt)
        : failedOutcome(link, answer.fetchedAt, check, 'answered 304 for a file not in the archive');
    case 'failed':
      if (known && previous) {
        check.log.warn(
          { ...check.context, url: link.url, reason: answer.error.message },
          'attachment could not be fetched again: the file fetched before is kept',
        );
        return carried(link, known, previous, answer.fetchedAt);
      }
      return failedOutcome(link, answer.fetchedAt, check, answer.error.message);
    default:
      check.log.info({ ...check.context, url: link.url, status: answer.kind, reason: reasonOf(answer) }, `attachment ${answer.kind}`);
      return noFile(link, answer.kind, answer.fetchedAt, answer.kind === 'too-large' ? answer.size : null);
  }
}

async function fileOutcome(link: Attachment, answer: Extract<AttachmentAnswer, { kind: 'file' }>, check: AttachmentCheck): Promise<AttachmentOutcome> {
  const sha256 = sha256Hex(answer.body);
  const named = { url: link.url, name: betterName(link, answer.headers['content-disposition']) };
  const validators = { etag: answer.headers.etag ?? null, lastModified: answer.headers['last-modified'] ?? null };
  const response = { url: link.url, sha256, finalUrl: answer.finalUrl, httpStatus: answer.status, headers: answer.headers, fetchedAt: answer.fetchedAt };
  const known = getAttachmentFileFacts(check.db, sha256);
  if (known) {
    const entry = entryOf(named, known);
    return { entry, response, urlState: { url: link.url, status: entry.status!, sha256, ...validators, checkedAt: answer.fetchedAt } };
  }
  const reading = await check.reader.read(answer.body, check.readOptions);
  if (reading.status === 'failed')
    check.log.warn(
      { ...check.context, url: link.url, kind: reading.kind, failure: reading.failure },
      `attachment could not be read: ${reading.error ?? reading.failure}`,
    );
  const blob = await encodeBlob(answer.body, { compress: !STORED_AS_IS.has(reading.kind) });
  const entry: AttachmentEntry = {
    ...named,
    status: reading.status === 'ok' ? 'ok' : 'failed',
    sha256,
    size: answer.body.byteLength,
    mediaType: reading.mediaType,
    textLayer: reading.textLayer ?? null,
    textLength: reading.textLength,
  };
  return {
    entry,
    response,
    newFile: { blob, reading, readAt: new Date().toISOString() },
    urlState: { url: link.url, status: entry.status!, sha256, ...validators, checkedAt: answer.fetchedAt },
  };
}

function entryOf(link: Attachment, file: AttachmentFileFacts): AttachmentEntry {
  return {
    url: link.url,
    name: link.name,
    status: file.readStatus === 'ok' ? 'ok' : 'failed',
    sha256: file.sha256,
    size: file.size,
    mediaType: file.mediaType,
    textLayer: file.textLayer,
    textLength: file.textLength,
  };
}

/** The file the URL served before (304, or a failed re-check), with its validators kept. */
function carried(link: Attachment, file: AttachmentFileFacts, previous: AttachmentUrlState, checkedAt: string): AttachmentOutcome {
  const entry = entryOf(link, file);
  return { entry, urlState: { ...previous, status: entry.status!, checkedAt } };
}

function failedOutcome(link: Attachment, at: string, check: AttachmentCheck, reason: string): AttachmentOutcome {
  check.log.warn({ ...check.context, url: link.url, reason }, 'attachment could not be fetched');
  return noFile(link, 'failed', at, null);
}

/** A link whose check broke down (a defect, not the site): `failed`, so the document is still stored. */
export function brokenCheck(link: Attachment): AttachmentOutcome {
  return noFile(link, 'failed', new Date().toISOString(), null);
}

function noFile(link: Attachment, status: AttachmentStatus, checkedAt: string, size: number | null): AttachmentOutcome {
  return {
    entry: { url: link.url, name: link.name, status, sha256: null, size, mediaType: null, textLayer: null, textLength: 0 },
    urlState: { url: link.url, status, sha256: null, etag: null, lastModified: null, checkedAt },
  };
}

function reasonOf(answer: AttachmentAnswer): string | undefined {
  if (answer.kind === 'too-large' || answer.kind === 'out-of-scope') return answer.reason;
  return answer.kind === 'not-found' ? `HTTP ${answer.status}` : undefined;
}

/**
 * The page's name for the link, unless the extractor had to fall back on the URL's last segment
 * (`download.do`, `getfile`): then the answer's Content-Disposition file name, when it gives one.
 */
function betterName(link: Attachment, disposition: string | undefined): string {
  const fileName = dispositionFileName(disposition);
  return fileName && isUrlFallback(link) ? fileName : link.name;
}

function isUrlFallback(link: Attachment): boolean {
  if (link.name === link.url) return true;
  const url = new URL(link.url);
  const last = url.pathname.split('/').pop() ?? '';
  return link.name === last || link.name === safeDecode(last);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
