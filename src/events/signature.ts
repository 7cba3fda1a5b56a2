import { createHmac, timingSafeEqual } from 'node:crypto';

/** The webhook signature header: `sha256=` + hex HMAC-SHA256 of the exact body bytes, keyed by the sink's secret. */
export const SIGNATURE_HEADER = 'X-Bureau-Watch-Signature';

export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of a signature header against the body. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
