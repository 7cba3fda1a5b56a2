import iconv from 'iconv-lite';

/** Maps a declared charset label to the decoder we use, or null when we cannot decode it. */
export function normalizeCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  // GB2312 and GBK are subsets of GB18030; sites that say gb2312 routinely use GBK-only characters.
  if (/^(gb2312|gbk|x-gbk|gb_2312-80|csgb2312|cp936|windows-936|ms936|gb18030|euc-cn|x-euc-cn|hz-gb-2312)$/.test(name)) return 'gb18030';
  if (/^(big5|x-x-big5|csbig5|cn-big5|x-big5|cp950)$/.test(name)) return 'big5';
  if (/^big5-?hkscs$/.test(name)) return 'big5hkscs';
  if (/^(utf-?8|unicode-1-1-utf-8|x-unicode20utf8)$/.test(name)) return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

/** `charset=` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

/** HTML spec: the charset must be declared within the first 1024 bytes; real sites are sloppier. */
const META_SCAN_BYTES = 4096;

/** Charset from `<meta charset>` or `<meta http-equiv="Content-Type" content="...charset=...">`. */
export function charsetFromMeta(body: Uint8Array): string | null {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, META_SCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}
