/**
 * For adapters whose library inflates a ZIP container itself (mammoth for DOCX, SheetJS for XLSX):
 * inflate every part once under the budget first, discarding the bytes, so a zip bomb dressed as an
 * office file fails with 'too-large' before the library allocates anything.
 */
import { ZipArchive } from '../zip/archive.js';
import type { ReaderInput } from './reader.js';

export async function preflightZip({ bytes, budget, limits }: ReaderInput, format: string): Promise<void> {
  const archive = await ZipArchive.open(bytes, budget, format, limits.maxZipMembers);
  try {
    await archive.inflateAll();
  } finally {
    archive.close();
  }
}
