/**
 * A ZIP opened from memory with yauzl, read under an inflate budget. Every ZIP-based format (ZIP, OFD,
 * and the DOCX/XLSX preflight) goes through here so a zip bomb is stopped by counting the bytes actually
 * inflated, not by trusting the sizes the archive declares. yauzl also checks each entry's inflated
 * length against its declared size, so a lying header fails instead of over-reading.
 */
import yauzl from 'yauzl';
import { AttachmentReadError, asReadError } from '../errors.js';
import { decodeMemberName } from './member-name.js';

/** Bytes that may still be inflated while reading one attachment (shared by nested containers). */
export interface InflateBudget {
  remaining: number;
  readonly limit: number;
}

export function inflateBudget(limit: number): InflateBudget {
  return { remaining: limit, limit };
}

export interface ArchiveEntry {
  name: string;
  uncompressedSize: number;
  isDirectory: boolean;
  encrypted: boolean;
  raw: yauzl.Entry;
}

export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ArchiveEntry[],
    /** More entries exist than were listed (cap reached). */
    readonly listingCut: boolean,
    private readonly budget: InflateBudget,
    private readonly format: string,
  ) {}

  static async open(bytes: Uint8Array, budget: InflateBudget, format: string, maxEntries: number): Promise<ZipArchive> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await openZip(buffer, format);
    try {
      const { entries, cut } = await listEntries(zip, maxEntries);
      return new ZipArchive(zip, entries, cut, budget, format);
    } catch (error) {
      zip.close();
      throw asReadError(error, format);
    }
  }

  find(name: string): ArchiveEntry | undefined {
    const wanted = name.replace(/^\/+/, '').toLowerCase();
    return this.entries.find((entry) => entry.name.toLowerCase() === wanted);
  }

  /** Inflates one entry in full, charging its bytes to the budget as they come. */
  async read(entry: ArchiveEntry): Promise<Buffer> {
    if (entry.encrypted) {
      throw new AttachmentReadError('encrypted', `${this.format} member "${entry.name}" is encrypted`);
    }
    if (entry.uncompressedSize > this.budget.remaining) throw this.tooLarge(entry);
    const stream = await openEntryStream(this.zip, entry.raw, this.format);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.budget.remaining -= chunk.length;
        if (this.budget.remaining < 0) throw this.tooLarge(entry);
        chunks.push(chunk);
      }
    } catch (error) {
      stream.destroy();
      throw asReadError(error, `${this.format} member "${entry.name}"`);
    }
    return Buffer.concat(chunks);
  }

  /** Inflates every entry without keeping the bytes: proves the whole archive fits the budget. */
  async inflateAll(): Promise<void> {
    for (const entry of this.entries) {
      if (!entry.isDirectory && !entry.encrypted) await this.read(entry);
    }
  }

  close(): void {
    this.zip.close();
  }

  private tooLarge(entry: ArchiveEntry): AttachmentReadError {
    return new AttachmentReadError(
      'too-large',
      `expected at most ${this.budget.limit} inflated bytes in this ${this.format}, ` +
        `got more at member "${entry.name}" (declared ${entry.uncompressedSize} bytes): a zip bomb or an oversized file`,
    );
  }
}

function openZip(buffer: Buffer, format: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(asReadError(error, format)) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, maxEntries: number): Promise<{ entries: ArchiveEntry[]; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const entries: ArchiveEntry[] = [];
    zip.on('entry', (raw: yauzl.Entry) => {
      const name = decodeMemberName(raw);
      entries.push({
        name,
        uncompressedSize: raw.uncompressedSize,
        isDirectory: name.endsWith('/'),
        encrypted: (raw.generalPurposeBitFlag & 0x1) !== 0,
        raw,
      });
      if (entries.length >= maxEntries) resolve({ entries, cut: zip.entryCount > entries.length });
      else zip.readEntry();
    });
    zip.on('end', () => resolve({ entries, cut: false }));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntryStream(zip: yauzl.ZipFile, raw: yauzl.Entry, format: string): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(raw, (error, stream) => (error || !stream ? reject(asReadError(error, `${format} member`)) : resolve(stream)));
  });
}
