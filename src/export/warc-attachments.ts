/**
 * The attachment responses of a WARC export: for each attachment file a version records, the HTTP
 * answer that delivered it at its URL (status, headers, the bytes as received), once per URL and
 * file however many versions or documents share it, followed by a `metadata` record naming the
 * document and version that first listed it there.
 */
import { WARCRecord } from 'warcio';
import { getAttachmentResponse } from '../store/attachments.js';
import { getBlob } from '../store/blobs.js';
import type { Db } from '../store/database.js';
import type { DocumentRow, VersionRow } from '../store/records.js';
import { httpResponseHead } from './warc-http.js';

export interface WarcRecordWriter {
  warcVersion: 'WARC/1.0' | 'WARC/1.1';
  warcinfoId: string;
  write(record: WARCRecord): Promise<void>;
}

/** Writes the responses of the version's attachments not written yet (`written` holds `url sha256` keys). Returns how many it wrote. */
export async function writeAttachmentResponses(db: Db, doc: DocumentRow, version: VersionRow, written: Set<string>, writer: WarcRecordWriter): Promise<number> {
  let count = 0;
  for (const [position, entry] of version.attachments.entries()) {
    if (!entry.sha256) continue;
    const key = `${entry.url} ${entry.sha256}`;
    if (written.has(key)) continue;
    const response = getAttachmentResponse(db, entry.url, entry.sha256);
    const body = response && getBlob(db, entry.sha256);
    if (!response || !body) continue;
    written.add(key);
    const http = httpResponseHead(response.httpStatus, response.headers, body.byteLength);
    const record = WARCRecord.create(
      {
        url: response.finalUrl,
        date: response.fetchedAt,
        type: 'response',
        warcVersion: writer.warcVersion,
        statusline: http.statusLine,
        httpHeaders: http.headers,
        warcHeaders: { 'WARC-Warcinfo-ID': writer.warcinfoId },
      },
      [new Uint8Array(body.buffer, body.byteOffset, body.byteLength)],
    );
    await writer.write(record);
    await writer.write(metadataRecord(doc, version, position, entry.sha256, response.finalUrl, record.warcHeader('WARC-Record-ID') ?? '', writer));
    count++;
  }
  return count;
}

function metadataRecord(
  doc: DocumentRow,
  version: VersionRow,
  position: number,
  sha256: string,
  url: string,
  responseId: string,
  writer: WarcRecordWriter,
): WARCRecord {
  const fields = [
    ['bureau-watch-document-id', doc.id],
    ['bureau-watch-source', doc.sourceId],
    ['bureau-watch-version', String(version.version)],
    ['bureau-watch-attachment-position', String(position)],
    ['bureau-watch-attachment-url', version.attachments[position]!.url],
    ['bureau-watch-attachment-sha256', `sha256:${sha256}`],
  ];
  const block = new TextEncoder().encode(fields.map(([name, value]) => `${name}: ${value}\r\n`).join(''));
  return WARCRecord.create(
    {
      url,
      date: version.fetchedAt,
      type: 'metadata',
      warcVersion: writer.warcVersion,
      warcHeaders: { 'WARC-Concurrent-To': responseId, 'WARC-Warcinfo-ID': writer.warcinfoId, 'Content-Type': 'application/warc-fields' },
    },
    [block],
  );
}
