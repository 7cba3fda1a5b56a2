import { createHash } from 'node:crypto';

/**
 * A second, independent WARC reader (the export writes with warcio; this follows ISO 28500 §4–5
 * directly): version line, named fields up to an empty line, a block of exactly Content-Length
 * bytes, then CRLF CRLF. For response records the block is split into the HTTP head and payload.
 */
export interface WarcRecord {
  version: string;
  /** Field names lower-cased. */
  headers: Map<string, string>;
  block: Buffer;
  http?: { statusLine: string; headers: Map<string, string>; payload: Buffer };
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export function readWarc(data: Buffer): WarcRecord[] {
  const records: WarcRecord[] = [];
  let at = 0;
  while (at < data.length) {
    const headEnd = data.indexOf(CRLFCRLF, at);
    if (headEnd < 0) throw new Error(`truncated record header at byte ${at}`);
    const [version, ...lines] = data.subarray(at, headEnd).toString('utf8').split('\r\n');
    if (!/^WARC\/1\.[01]$/.test(version ?? '')) throw new Error(`expected a WARC version line at byte ${at}, got ${JSON.stringify(version)}`);
    const headers = parseFields(lines);
    const length = Number(headers.get('content-length'));
    if (!Number.isInteger(length)) throw new Error(`record at byte ${at} has no valid Content-Length`);
    const blockStart = headEnd + CRLFCRLF.length;
    const block = data.subarray(blockStart, blockStart + length);
    if (!data.subarray(blockStart + length, blockStart + length + 4).equals(CRLFCRLF)) {
      throw new Error(`record at byte ${at} is not followed by CRLF CRLF`);
    }
    const record: WarcRecord = { version: version!, headers, block };
    if (headers.get('warc-type') === 'response') record.http = parseHttp(block);
    records.push(record);
    at = blockStart + length + 4;
  }
  return records;
}

function parseHttp(block: Buffer): WarcRecord['http'] {
  const end = block.indexOf(CRLFCRLF);
  if (end < 0) throw new Error('response block has no HTTP head');
  const [statusLine, ...lines] = block.subarray(0, end).toString('latin1').split('\r\n');
  return { statusLine: statusLine!, headers: parseFields(lines), payload: block.subarray(end + CRLFCRLF.length) };
}

function parseFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed field line ${JSON.stringify(line)}`);
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}

/** `sha256:<hex>` of the bytes, the digest form the export writes. */
export function sha256Label(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
