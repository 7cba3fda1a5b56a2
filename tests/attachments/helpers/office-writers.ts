/**
 * Generated office fixtures, minimal but the shape real writers produce: a DOCX and an XLSX from their
 * OPC parts (as python-docx/openpyxl lay them out), an OFD following GB/T 33190 (OFD.xml → Document.xml →
 * page Content.xml), and WPS/ET look-alikes made by adding Kingsoft's marker stream to a real OLE2 file.
 */
import { createRequire } from 'node:module';
import { makeZip } from './zip-writer.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const relsNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeDocument = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

export function makeDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${xmlHead}<Relationships xmlns="${relsNs}"><Relationship Id="rId1" Type="${officeDocument}" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `${xmlHead}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

export function makeXlsx(sheetName: string, rows: string[][]): Uint8Array {
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${xmlHead}<Relationships xmlns="${relsNs}"><Relationship Id="rId1" Type="${officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${xmlHead}<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${xmlHead}<Relationships xmlns="${relsNs}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `${xmlHead}<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>` },
  ]);
}

/** A text run placed on an OFD page: Boundary origin (mm) and the TextCode. */
export interface OfdRun {
  x: number;
  y: number;
  text: string;
}

const ofdNs = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** An OFD whose pages hold the given runs, written in the order given (not necessarily reading order). */
export function makeOfd(pages: OfdRun[][]): Uint8Array {
  const pageRefs = pages.map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  return makeZip([
    {
      name: 'OFD.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ofdNs} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t1</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    },
    {
      name: 'Doc_0/Document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ofdNs}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pageRefs}</ofd:Pages></ofd:Document>`,
    },
    ...pages.map((runs, i) => ({ name: `Doc_0/Pages/Page_${i}/Content.xml`, data: ofdPage(runs) })),
  ]);
}

function ofdPage(runs: OfdRun[]): string {
  const objects = runs
    .map(
      (run, i) =>
        `<ofd:TextObject ID="${100 + i}" Boundary="${run.x} ${run.y} 170 8" Font="2" Size="4"><ofd:TextCode X="0" Y="4">${escape(run.text)}</ofd:TextCode></ofd:TextObject>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ofdNs}><ofd:Content><ofd:Layer ID="3">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
}

interface Cfb {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  write(container: unknown, options: { type: 'buffer' }): Buffer;
  utils: { cfb_add(container: unknown, path: string, content: Uint8Array): void };
}

/** A copy of an OLE2 file with one more stream (Kingsoft's WpsCustomData / ETExtData markers). */
export function withOleStream(ole2: Uint8Array, streamName: string): Uint8Array {
  const { CFB } = createRequire(import.meta.url)('@e965/xlsx') as { CFB: Cfb };
  const container = CFB.read(ole2, { type: 'buffer' });
  CFB.utils.cfb_add(container, `/${streamName}`, new Uint8Array(16));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }));
}
