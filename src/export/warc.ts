import type { Writable } from 'node:stream';
import { WARCRecord, WARCSerializer } from 'warcio';
import { getBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import { iterateDocuments, type SourceScope } from '../store/documents.js';
import type { DocumentRow, VersionRow } from '../store/records.js';
import { listVersions } from '../store/versions.js';
import { VERSION } from '../version.js';
import { writeAttachmentResponses } from './warc-attachments.js';
import { httpResponseHead } from './warc-http.js';
import { writeChunk } from './write-line.js';

/**
 * WARC/1.1 (ISO 28500:2017) of every stored version, written with webrecorder's warcio: a
 * `warcinfo` record, then per version a `response` record (the stored HTTP status, headers and the
 * raw body bytes exactly as received) and a `metadata` record (document id, version, hashes)
 * pointing at it with WARC-Concurrent-To; then the responses that delivered its attachment files
 * (warc-attachments.ts). Digests are SHA-256. Returns the number of page responses.
 */
export interface WarcOptions {
  /** Gzip each record on its own (a .warc.gz that replay tools can seek into). */
  gzip?: boolean;
}

const WARC_VERSION = 'WARC/1.1' as const;
const SOFTWARE = `bureau-watch/${VERSION} (warcio.js)`;

export async function exportWarc(db: Db, out: Writable, sources?: SourceScope, options: WarcOptions = {}): Promise<number> {
  const warcinfo = WARCRecord.createWARCInfo(
    { warcVersion: WARC_VERSION },
    {
      software: SOFTWARE,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      description: `bureau-watch archive export: every stored version${sources?.length ? ` of source ${[sources].flat().join(', ')}` : ''}`,
    },
  );
  const warcinfoId = warcinfo.warcHeader('WARC-Record-ID') ?? '';
  await writeRecord(out, warcinfo, options);
  let count = 0;
  const attachmentsWritten = new Set<string>();
  const attachmentWriter = { warcVersion: WARC_VERSION, warcinfoId, write: (record: WARCRecord) => writeRecord(out, record, options) };
  for (const doc of iterateDocuments(db, sources)) {
    for (const head of listVersions(db, doc.id)) {
      const body = getBlob(db, head.rawHash);
      if (!body) continue; // a pruned blob: the other versions still export
      const response = responseRecord(doc, head, body, warcinfoId);
      await writeRecord(out, response, options);
      await writeRecord(out, metadataRecord(doc, head, response.warcHeader('WARC-Record-ID') ?? '', warcinfoId), options);
      count++;
      await writeAttachmentResponses(db, doc, head, attachmentsWritten, attachmentWriter);
    }
  }
  return count;
}

function responseRecord(doc: DocumentRow, head: VersionRow, body: Buffer, warcinfoId: string): WARCRecord {
  const http = httpResponseHead(head.httpStatus, head.responseHeaders, body.byteLength);
  return WARCRecord.create(
    {
      url: doc.url,
      date: head.fetchedAt,
      type: 'response',
      warcVersion: WARC_VERSION,
      statusline: http.statusLine,
      httpHeaders: http.headers,
      warcHeaders: { 'WARC-Warcinfo-ID': warcinfoId },
    },
    [new Uint8Array(body.buffer, body.byteOffset, body.byteLength)],
  );
}

function metadataRecord(doc: DocumentRow, head: VersionRow, responseId: string, warcinfoId: string): WARCRecord {
  const fields = [
    ['bureau-watch-document-id', doc.id],
    ['bureau-watch-source', doc.sourceId],
    ['bureau-watch-version', String(head.version)],
    ['bureau-watch-content-hash', `sha256:${head.contentHash}`],
    ['bureau-watch-raw-hash', `sha256:${head.rawHash}`],
    ['bureau-watch-charset', `${head.charset} (${head.charsetSource})`],
  ];
  const block = new TextEncoder().encode(fields.map(([name, value]) => `${name}: ${value}\r\n`).join(''));
  return WARCRecord.create(
    {
      url: doc.url,
      date: head.fetchedAt,
      type: 'metadata',
      warcVersion: WARC_VERSION,
      warcHeaders: { 'WARC-Concurrent-To': responseId, 'WARC-Warcinfo-ID': warcinfoId, 'Content-Type': 'application/warc-fields' },
    },
    [block],
  );
}

async function writeRecord(out: Writable, record: WARCRecord, options: WarcOptions): Promise<void> {
  await writeChunk(out, await WARCSerializer.serialize(record, { gzip: options.gzip ?? false }));
}
