import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

/**
 * `tls.ca`: extra certificate authorities for a site whose server sends an incomplete chain or
 * whose CA is not in Node's bundle. Node's `ca` option REPLACES the bundled roots, so the extra
 * ones are added to them, never passed alone (that would break every other HTTPS site).
 */

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads and checks a CA file; throws an Error saying what the file holds instead of certificates. */
export function readCaFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read CA file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error(`CA file ${path} holds no PEM certificate (expected "-----BEGIN CERTIFICATE-----" blocks)`);
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch {
      throw new Error(`CA file ${path}: certificate ${index + 1} of ${blocks.length} is not a valid X.509 certificate`);
    }
  });
  return blocks;
}

/** The config check: undefined when the file is a usable CA file, else the reason. */
export function caFileProblem(path: string): string | undefined {
  try {
    readCaFile(path);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

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
