/**
 * A small ZIP writer for test fixtures, written here (not a library) because the tests need control a
 * library would not give: member names as raw GBK bytes without the UTF-8 flag, and entries whose
 * declared size lies about what they inflate to.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  /** A string is written as UTF-8 with the UTF-8 flag; bytes are written as given, without the flag. */
  name: string | Uint8Array;
  data: string | Uint8Array;
  store?: boolean;
  /** Write this as the uncompressed size instead of the true one (to fake a lying header). */
  declaredSize?: number;
  /** Set the "encrypted" flag (bit 0); the data is left as it is. */
  encrypted?: boolean;
  /** An extra field (e.g. Info-ZIP Unicode Path), in both the local and the central header. */
  extra?: Uint8Array;
}

export function makeZip(entries: ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : Buffer.from(entry.name);
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const fields = {
      flags: (typeof entry.name === 'string' ? 0x800 : 0) | (entry.encrypted ? 0x1 : 0),
      method: entry.store ? 0 : 8,
      crc: crc32(data),
      compressed: body.length,
      size: entry.declaredSize ?? data.length,
    };
    const extra = Buffer.from(entry.extra ?? new Uint8Array(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields, name.length);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeCommon(central, 6, fields, name.length);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The fields local and central headers share, from "version needed" on. */
function writeCommon(
  header: Buffer,
  at: number,
  fields: { flags: number; method: number; crc: number; compressed: number; size: number },
  nameLength: number,
): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(fields.flags, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt32LE(0, at + 6); // DOS time and date: 1980, irrelevant here
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressed, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}
