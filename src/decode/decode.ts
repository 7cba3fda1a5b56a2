import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { charsetFromContentType, charsetFromMeta, normalizeCharset } from './charset.js';
import { decodeMixedUtf8, isMostlyUtf8 } from './mixed-utf8.js';

/** Where the charset used for a page came from, kept per fetch for debugging. */
/** `utf8-majority`: not all valid UTF-8, but mostly; kept UTF-8 with its bad runs repaired (mixed-utf8.ts). */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf8-validated' | 'utf8-majority' | 'detected' | 'default';

/** The decode stage's record: the page as text, and how it was decoded. */
export interface DecodedPage {
  html: string;
  charset: string;
  charsetSource: CharsetSource;
}

/** Chinese government sites without any declaration are overwhelmingly GB-encoded. */
const FALLBACK_CHARSET = 'gb18030';

/**
 * Decodes a body: BOM → Content-Type charset → `<meta>` charset → detection. A declaration is
 * trusted only if the bytes agree: a page declared gb2312 whose bytes are valid UTF-8 (common on
 * migrated CMSes) decodes as UTF-8, and a page declared UTF-8 whose bytes are not falls through.
 * A page that is mostly UTF-8 (a pasted GBK passage, stray bytes) stays UTF-8 whatever it declares:
 * only its bad runs are repaired, never the whole page re-decoded.
 */
export function decodeBody(body: Uint8Array, contentType?: string): DecodedPage {
  const bom = decodeByBom(body);
  if (bom) return bom;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const utf8 = isUtf8(bytes);
  const mostlyUtf8 = !utf8 && isMostlyUtf8(bytes);
  const declared: [CharsetSource, string | null][] = [
    ['header', normalizeCharset(charsetFromContentType(contentType))],
    ['meta', normalizeCharset(charsetFromMeta(bytes))],
  ];
  for (const [source, charset] of declared) {
    if (!charset) continue;
    if (charset === 'utf-8') {
      if (utf8) return decodeAs(bytes, 'utf-8', source);
      if (mostlyUtf8) return decodeMixed(bytes, source);
      continue; // declared UTF-8 but is not: let the next signal or detection decide
    }
    if (utf8 && hasNonAscii(bytes)) return decodeAs(bytes, 'utf-8', 'utf8-validated');
    if (mostlyUtf8) return decodeMixed(bytes, 'utf8-majority');
    return decodeAs(bytes, charset, source);
  }
  if (utf8) return decodeAs(bytes, 'utf-8', 'utf8-validated');
  if (mostlyUtf8) return decodeMixed(bytes, 'utf8-majority');
  return decodeAs(bytes, detectCharset(bytes) ?? FALLBACK_CHARSET, 'detected');
}

function decodeByBom(body: Uint8Array): DecodedPage | null {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8', 'bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le', 'bom');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be', 'bom');
  return null;
}

/** chardet guesses; only CJK results are trusted, since short pages fool it into Latin charsets. */
function detectCharset(bytes: Buffer): string | null {
  const candidates = chardet.analyse(bytes);
  for (const { name } of candidates) {
    const charset = normalizeCharset(name);
    if (charset === 'gb18030' || charset === 'big5') return charset;
  }
  return null;
}

function hasNonAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function decodeMixed(bytes: Buffer, charsetSource: CharsetSource): DecodedPage {
  return { html: decodeMixedUtf8(bytes), charset: 'utf-8', charsetSource };
}

function decodeAs(bytes: Buffer, charset: string, charsetSource: CharsetSource): DecodedPage {
  return { html: iconv.decode(bytes, charset), charset, charsetSource };
}
