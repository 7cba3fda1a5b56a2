/**
 * Lists the stream names of an OLE2 compound file (MS-CFB), enough to tell Word from Excel from
 * Kingsoft WPS/ET without a full parser. Identification runs on the caller's thread, so every read is
 * bounds-checked and every chain walk is capped by the number of sectors the file can hold: a hostile
 * file yields a short or empty list, never an exception or a loop.
 */

export interface Ole2Directory {
  /** Entry names as stored (case kept), root entry included. */
  names: string[];
  /** CLSID of the root storage as 32 lowercase hex digits in byte order; zeros when unset. */
  rootClsid: string;
}

const endOfChain = 0xfffffffe;
const headerDifatEntries = 109;
const directoryEntrySize = 128;

export function readOle2Directory(bytes: Uint8Array): Ole2Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512) return { names: [], rootClsid: '' };
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return { names: [], rootClsid: '' };
  const sectorSize = 1 << sectorShift;
  const maxSectors = Math.floor(bytes.length / sectorSize);
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;

  const fatSectors = collectFatSectors(view, bytes.length, sectorSize, maxSectors, sectorOffset);
  const entriesPerFatSector = sectorSize / 4;
  const nextSector = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return endOfChain;
    const at = sectorOffset(fatSector) + (sector % entriesPerFatSector) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : endOfChain;
  };

  const names: string[] = [];
  let rootClsid = '';
  let sector = view.getUint32(0x30, true);
  for (let walked = 0; sector < maxSectors && walked < maxSectors; walked++) {
    const start = sectorOffset(sector);
    for (let at = start; at + directoryEntrySize <= Math.min(start + sectorSize, bytes.length); at += directoryEntrySize) {
      const name = entryName(bytes, view, at);
      if (name === undefined) continue;
      if (names.length === 0) rootClsid = hex(bytes.subarray(at + 0x50, at + 0x60));
      names.push(name);
    }
    sector = nextSector(sector);
  }
  return { names, rootClsid };
}

function collectFatSectors(view: DataView, length: number, sectorSize: number, maxSectors: number, sectorOffset: (sector: number) => number): number[] {
  const fatSectorCount = Math.min(view.getUint32(0x2c, true), maxSectors);
  const sectors: number[] = [];
  for (let i = 0; i < headerDifatEntries && sectors.length < fatSectorCount; i++) {
    sectors.push(view.getUint32(0x4c + i * 4, true));
  }
  // Files over ~7 MB keep the rest of the FAT sector list in a DIFAT chain.
  let difat = view.getUint32(0x44, true);
  for (let walked = 0; difat < maxSectors && walked < maxSectors && sectors.length < fatSectorCount; walked++) {
    const start = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && sectors.length < fatSectorCount && start + i * 4 + 4 <= length; i++) {
      sectors.push(view.getUint32(start + i * 4, true));
    }
    const nextAt = start + perSector * 4;
    difat = nextAt + 4 <= length ? view.getUint32(nextAt, true) : endOfChain;
  }
  return sectors;
}

function entryName(bytes: Uint8Array, view: DataView, at: number): string | undefined {
  const type = bytes[at + 0x42];
  if (type !== 1 && type !== 2 && type !== 5) return undefined;
  const nameBytes = view.getUint16(at + 0x40, true);
  if (nameBytes < 2 || nameBytes > 64) return undefined;
  let name = '';
  for (let i = 0; i < nameBytes / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
  return name;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
