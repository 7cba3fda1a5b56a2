/**
 * Strict UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF), read one sequence
 * at a time, and a census of a body's bytes: how much of it is UTF-8 beyond doubt and how much
 * cannot be UTF-8 at all.
 */

/** Length of the valid UTF-8 sequence starting at `at` (1 for ASCII), or 0 when none starts there. */
export function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || at + length > bytes.length) return 0;
  // The second byte's range rules out overlongs (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
  const second = bytes[at + 1]!;
  const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < secondMin || second > secondMax) return 0;
  for (let offset = 2; offset < length; offset++) if (!isContinuation(bytes[at + offset]!)) return 0;
  return length;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

export interface Utf8Census {
  /** Bytes in valid sequences of 3 or 4 bytes: Chinese text in UTF-8. GB and Big5 bytes rarely form them. */
  strongBytes: number;
  /** Bytes that start no valid sequence. */
  invalidBytes: number;
}

export function utf8Census(bytes: Uint8Array): Utf8Census {
  const census = { strongBytes: 0, invalidBytes: 0 };
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) census.invalidBytes++;
    else if (length >= 3) census.strongBytes += length;
    at += length || 1;
  }
  return census;
}
