import { STATUS_CODES } from 'node:http';

/**
 * The HTTP head of a stored response, made consistent with the stored body. The archive keeps the
 * body as the crawler received it after transfer and content decoding (gzip, chunked), so the
 * headers that described the wire encoding would make a replay tool decode it a second time:
 * Content-Encoding and Transfer-Encoding are renamed to X-Bureau-Watch-Original-* (kept for the
 * record), and Content-Length states the stored body's real length. Everything else is as stored
 * (lower-cased names; a repeated header joined with ", ").
 */
const WIRE_ENCODING_HEADERS = new Set(['content-encoding', 'transfer-encoding']);

export interface HttpResponseHead {
  statusLine: string;
  headers: [string, string][];
}

export function httpResponseHead(status: number, stored: Record<string, string>, bodyLength: number): HttpResponseHead {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(stored)) {
    const lower = name.toLowerCase();
    if (lower === 'content-length') continue;
    if (WIRE_ENCODING_HEADERS.has(lower)) headers.push([`x-bureau-watch-original-${lower}`, value]);
    else headers.push([name, value]);
  }
  headers.push(['content-length', String(bodyLength)]);
  // The protocol version is not stored; HTTP/1.1 is what the crawler speaks.
  return { statusLine: `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(), headers };
}
