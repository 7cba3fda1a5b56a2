import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, two of them on every signed request:
 * - Standard Webhooks (https://www.standardwebhooks.com): `webhook-id` (the event id, the same on
 *   every retry), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`:
 *   `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per secret, space-separated. Signing the
 *   id and the time lets a receiver refuse replays (old timestamp, id already seen).
 * - The contract's `X-Bureau-Watch-Signature: sha256=<hex HMAC-SHA256 of the body>`, with the
 *   first secret, for receivers written against it.
 * A secret `whsec_<base64>` (as Standard Webhooks tools issue them) keys the v1 signature with the
 * decoded bytes; any other string with its UTF-8 bytes. The contract header is keyed with the
 * secret string as configured, as it always was.
 */
export const SIGNATURE_HEADER = 'X-Bureau-Watch-Signature';
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

const WHSEC_PREFIX = 'whsec_';

/** The HMAC key of a Standard Webhooks signature. */
export function signingKey(secret: string): Buffer {
  return secret.startsWith(WHSEC_PREFIX) ? Buffer.from(secret.slice(WHSEC_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** `v1,<base64>` per secret, space-separated. */
export function standardSignature(secrets: readonly string[], id: string, timestampSecs: number, body: string): string {
  return secrets.map((secret) => `v1,${createHmac('sha256', signingKey(secret)).update(`${id}.${timestampSecs}.${body}`).digest('base64')}`).join(' ');
}

/** Every header of a request carrying `body` for the event `id`; signatures only when there are secrets. */
export function webhookHeaders(secrets: readonly string[], id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  const headers: Record<string, string> = { [WEBHOOK_ID_HEADER]: id, [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp) };
  if (secrets.length === 0) return headers;
  headers[WEBHOOK_SIGNATURE_HEADER] = standardSignature(secrets, id, timestamp, body);
  headers[SIGNATURE_HEADER] = signBody(secrets[0]!, body);
  return headers;
}

/** For receivers (and tests): constant-time check of the contract header against the body. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  return sameBytes(Buffer.from(signBody(secret, body)), Buffer.from(header));
}

/**
 * For receivers: a Standard Webhooks request is genuine when one of its v1 signatures is the HMAC
 * of `id.timestamp.body` with the secret and the timestamp is within `toleranceSecs` of now (a
 * replay later fails; de-duplicating by `webhook-id` stops one within the window).
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  toleranceSecs = 300,
  now = Date.now(),
): boolean {
  const [id, timestamp, signatures] = [WEBHOOK_ID_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER].map((name) => headers[name]);
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string' || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSecs) return false;
  const expected = Buffer.from(standardSignature([secret], id, Number(timestamp), body).slice('v1,'.length), 'base64');
  return signatures.split(' ').some((entry) => entry.startsWith('v1,') && sameBytes(Buffer.from(entry.slice(3), 'base64'), expected));
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
