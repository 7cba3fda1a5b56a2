/**
 * `tls.ca`: extra certificate authorities for a site whose server sends an incomplete chain or
 * whose CA is not in Node's bundle. Node's `ca` option REPLACES the bundled roots, so the extra
 * ones are added to them, never passed alone (that would break every other HTTPS site). The file
 * itself is read and checked by src/config/ca-file.ts.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { readCaFile } from '../config/ca-file.js';

/** Node's bundled roots plus the file's certificates: what `ca` must be to add, not replace. */
export function trustedWithExtraCa(path: string): string[] {
  return [...rootCertificates, ...readCaFile(path)];
}

/**
 * SHA-256 of each certificate's public key (base64), for Chromium's
 * `--ignore-certificate-errors-spki-list`: Chromium on Linux reads CAs from an NSS database, not
 * from a file, so a browser source trusts the file's keys this way instead.
 */
export function spkiHashes(path: string): string[] {
  return readCaFile(path).map((block) => {
    const key = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(key).digest('base64');
  });
}
