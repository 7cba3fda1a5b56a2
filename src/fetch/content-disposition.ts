/**
 * The file name a download answer gives in Content-Disposition (RFC 6266): `filename*=UTF-8''…`
 * (percent-encoded) wins over `filename="…"`. Chinese servers often put raw bytes in the plain
 * parameter, UTF-8 or GBK, which arrive as Latin-1 characters (HTTP header bytes): they are decoded
 * as UTF-8 when valid, else GB18030. Hostile input: the result is a bare file name (no path, no
 * control characters), at most 255 characters, or null.
 */
import iconv from 'iconv-lite';

const MAX_NAME_CHARS = 255;

export function dispositionFileName(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^;]+)/i.exec(header)?.[1];
  const fromExtended = extended ? decodeExtended(extended.trim()) : null;
  if (fromExtended) return cleanName(fromExtended);
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(header)?.[1]?.trim();
  if (!plain) return null;
  const unquoted = plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, '$1') : plain;
  return cleanName(decodeHeaderBytes(percentDecoded(unquoted)));
}

/** `UTF-8''%E6%96%B9%E6%A1%88.pdf` (charset, language, percent-encoded value). */
function decodeExtended(value: string): string | null {
  const match = /^([\w-]*)'[^']*'(.*)$/.exec(value.replace(/^"|"$/g, ''));
  if (!match) return null;
  const bytes = percentBytes(match[2]!);
  const charset = match[1]!.toLowerCase();
  if (charset === 'utf-8' || charset === '') return new TextDecoder('utf-8').decode(bytes);
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : null;
}

/** Some servers percent-encode the plain parameter too (`filename=%E6%96%B9.pdf`). */
function percentDecoded(value: string): string {
  if (!/%[0-9a-f]{2}/i.test(value)) return value;
  const bytes = percentBytes(value);
  const utf8 = tryUtf8(bytes);
  return utf8 ?? value;
}

/** Header characters are bytes (Latin-1); non-ASCII ones are re-read as UTF-8, else GB18030. */
function decodeHeaderBytes(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  return tryUtf8(bytes) ?? iconv.decode(bytes, 'gb18030');
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function percentBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '%' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

function cleanName(name: string): string | null {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? null : [...base].slice(0, MAX_NAME_CHARS).join('');
}
