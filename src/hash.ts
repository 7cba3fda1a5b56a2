import { createHash } from 'node:crypto';

/** Hex SHA-256: content hashes, blob addresses, document and sink ids. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
