/**
 * OFD adapter (GB/T 33190, the Chinese fixed-layout format). No maintained npm library reads OFD text,
 * so this follows the package structure with yauzl (under the inflate budget) and fast-xml-parser:
 * OFD.xml → each DocBody's DocRoot → Document.xml → Pages/Page@BaseLoc → that page's Content.xml, whose
 * TextCode runs are put in reading order by ofd/page-text.ts. Template pages, annotations and signatures
 * are not read: bureau OFDs converted from Word carry their text in the page content.
 */
import { posix } from 'node:path';
import { AttachmentReadError } from '../errors.js';
import { pageText } from '../ofd/page-text.js';
import { attribute, children, parseXml, textOf, type XmlNode } from '../ofd/xml.js';
import { ZipArchive } from '../zip/archive.js';
import type { Reader } from './reader.js';

export const readOfd: Reader = async ({ bytes, budget, limits }) => {
  const archive = await ZipArchive.open(bytes, budget, 'OFD', limits.maxZipMembers);
  try {
    const part = async (path: string) => {
      const entry = archive.find(path);
      if (!entry) throw new AttachmentReadError('malformed', `expected OFD part "${path}", the package has none`);
      return parseXml(await archive.read(entry), path);
    };
    const pages: string[] = [];
    let length = 0;
    for (const docRoot of docRoots(await part('OFD.xml'))) {
      const document = await part(docRoot);
      for (const pagePath of pagePaths(document, docRoot)) {
        if (length > limits.maxTextChars) return { text: pages.join('\n\n'), truncated: true };
        const text = pageText(firstChild(await part(pagePath), 'Page'));
        pages.push(text);
        length += text.length;
      }
    }
    return { text: pages.join('\n\n').trim() };
  } finally {
    archive.close();
  }
};

function docRoots(ofdXml: XmlNode): string[] {
  const roots = children(firstChild(ofdXml, 'OFD'), 'DocBody')
    .flatMap((body) => children(body, 'DocRoot'))
    .map((root) => packagePath('', textOf(root)))
    .filter(Boolean);
  if (roots.length === 0) throw new AttachmentReadError('malformed', 'expected OFD.xml to name a DocRoot, found none');
  return roots;
}

function pagePaths(document: XmlNode, docRoot: string): string[] {
  const base = posix.dirname(docRoot);
  return children(firstChild(document, 'Document'), 'Pages')
    .flatMap((pages) => children(pages, 'Page'))
    .map((page) => attribute(page, 'BaseLoc'))
    .filter((location): location is string => Boolean(location))
    .map((location) => packagePath(base, location));
}

/** Locations are relative to the referring file's folder, or absolute from the package root with '/'. */
function packagePath(base: string, location: string): string {
  const trimmed = location.trim().replace(/\\/g, '/');
  const joined = trimmed.startsWith('/') ? trimmed : posix.join(base, trimmed);
  return posix.normalize(joined).replace(/^\/+/, '');
}

function firstChild(node: XmlNode, name: string): XmlNode {
  const [first] = children(node, name);
  if (!first) throw new AttachmentReadError('malformed', `expected an OFD <${name}> element, found none`);
  return first;
}
