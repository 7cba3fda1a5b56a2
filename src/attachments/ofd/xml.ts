/**
 * XML parsing for OFD parts with fast-xml-parser, set up for hostile input: a DOCTYPE is refused outright
 * (OFD parts never need one, and internal entity declarations are the billion-laughs door), values stay
 * strings, namespace prefixes are dropped (`ofd:TextCode` → `TextCode`), and every element is an array so
 * walkers need no special case for "one child".
 */
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { AttachmentReadError } from '../errors.js';

export type XmlNode = { [key: string]: XmlNode[] | string | undefined } & { '#text'?: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

export function parseXml(bytes: Uint8Array, partName: string): XmlNode {
  const xml = decodeXml(bytes);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new AttachmentReadError('malformed', `expected OFD part "${partName}" without a DOCTYPE, got one (refused)`);
  }
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AttachmentReadError('malformed', `expected well-formed XML in OFD part "${partName}", got: ${detail}`);
  }
}

/** UTF-8 unless the declaration names a Chinese legacy encoding (some OFD writers emit GB18030). */
function decodeXml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030)$/.test(declared)) return iconv.decode(Buffer.from(bytes), 'gb18030');
  return new TextDecoder('utf-8').decode(bytes);
}

/** Children of `node` named `name` (already namespace-free), or none. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text inside an element such as `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>`. */
export function textOf(node: XmlNode | undefined): string {
  const value = node?.['#text'];
  return typeof value === 'string' ? value : '';
}
