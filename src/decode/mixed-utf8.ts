import { utf8Census, utf8SequenceLength } from './utf8-scan.js';

/**
 * Pages that are UTF-8 except for a passage pasted from a GBK document (an editor copying from an
 * old system) or a few stray bytes. Re-decoding such a page whole as GB18030 garbles its title,
 * fields and text; so the majority encoding is kept, and only each bad run is repaired on its own:
 * decoded as GB18030 when that yields Chinese text, else replaced with U+FFFD.
 */

/**
 * Mostly UTF-8: Chinese in UTF-8 is three-byte sequences, which GB and Big5 bytes rarely form. On
 * real GB2312/GBK/Big5 pages those bytes are at most 0.14 of the bytes that cannot be UTF-8; here
 * they must outnumber them twice over, with at least 32 such characters.
 */
const MIN_STRONG_BYTES = 32 * 3;
const MIN_STRONG_PER_INVALID = 2;

export function isMostlyUtf8(bytes: Uint8Array): boolean {
  const { strongBytes, invalidBytes } = utf8Census(bytes);
  return strongBytes >= MIN_STRONG_BYTES && strongBytes >= MIN_STRONG_PER_INVALID * invalidBytes;
}

/** A bad run ends this many bytes after its last byte that cannot be UTF-8, or at the next clear UTF-8. */
const RUN_LOOKAHEAD = 32;

/** The bytes as UTF-8, each run of bytes that are not repaired locally. Linear in the length. */
export function decodeMixedUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let clean = 0;
  /** Start of the two-byte sequences just before `at`: a GBK character can pass for one (e.g. D6 B0). */
  let twoByteRun = 0;
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    if (length > 0) {
      if (length !== 2) twoByteRun = at + length;
      at += length;
      continue;
    }
    const start = Math.max(clean, twoByteRun);
    const end = badRunEnd(bytes, start);
    parts.push(UTF8.decode(bytes.subarray(clean, start)), repairRun(bytes.subarray(start, end)));
    clean = twoByteRun = at = end;
  }
  parts.push(UTF8.decode(bytes.subarray(clean)));
  return parts.join('');
}

/**
 * Where the bad run from `start` ends: after its last byte that cannot begin UTF-8, once clear
 * UTF-8 (two Chinese characters in a row) or RUN_LOOKAHEAD bytes without a bad one follow; then
 * moved to a GB18030 character boundary, so a trail byte is never cut from its lead. Like the
 * two-byte sequences just before a run (see decodeMixedUtf8), those just after it join it.
 */
function badRunEnd(bytes: Uint8Array, start: number): number {
  let lastBad = start + 1;
  for (let at = start; at < bytes.length && at - lastBad < RUN_LOOKAHEAD;) {
    if (startsClearUtf8(bytes, at)) break;
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) lastBad = at + 1;
    at += length || 1;
  }
  let end = start;
  while (end < lastBad) end += gb18030CharLength(bytes, end);
  // GBK characters that pass for two-byte UTF-8 (之 is D6 AE) right after the run belong to it.
  while (end < bytes.length && utf8SequenceLength(bytes, end) === 2 && gb18030CharLength(bytes, end) === 2) end += 2;
  return Math.min(end, bytes.length);
}

function startsClearUtf8(bytes: Uint8Array, at: number): boolean {
  const first = utf8SequenceLength(bytes, at);
  return first >= 3 && utf8SequenceLength(bytes, at + first) >= 3;
}

/** Bytes of the GB18030 character at `at`: 1 (ASCII, or a byte that starts none), 2 or 4. */
function gb18030CharLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const second = bytes[at + 1] ?? -1;
  if (lead < 0x81 || lead > 0xfe) return 1;
  if (second >= 0x40 && second <= 0xfe && second !== 0x7f) return 2;
  const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
  const third = bytes[at + 2];
  if (isDigit(second) && third !== undefined && third >= 0x81 && third <= 0xfe && isDigit(bytes[at + 3])) return 4;
  return 1;
}

/** Stateless (never streaming), so shared; the WHATWG GB18030 decoder is native and fast on many short runs. */
const UTF8 = new TextDecoder('utf-8');
const GB18030 = new TextDecoder('gb18030');
const NON_ASCII = /[^\u0000-\u007f]/g;
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

/** GB18030 when it reads as Chinese (at least half CJK ideographs or punctuation, nothing undecodable), else U+FFFD. */
function repairRun(run: Uint8Array): string {
  // A lone byte (a stray 0xFF, a cut character) is no GB18030 character: skip the decoder.
  if (run.byteLength === 1) return '\uFFFD';
  const gb = GB18030.decode(run);
  const chinese = gb.match(CHINESE)?.length ?? 0;
  if (!gb.includes('\uFFFD') && chinese > 0 && chinese * 2 >= (gb.match(NON_ASCII)?.length ?? 0)) return gb;
  return UTF8.decode(run);
}
