/**
 * `tls.ca` files: checked when the config loads (a missing file or one without certificates is a
 * config error naming the key), read again by fetch when it trusts them (src/fetch/tls-ca.ts).
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

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
