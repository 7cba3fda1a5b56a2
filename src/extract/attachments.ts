import type { Attachment } from './types.js';
import type { AnyNode, Element } from './dom.js';
import { classAndId, isElement, textOf } from './dom.js';
import { foldSpaces } from './text.js';

const FILE_TYPES = 'pdf|docx?|wps|xlsx?|et|csv|ofd|zip|rar|7z|pptx?|dps';
const FILE_EXTENSION = new RegExp(`\\.(${FILE_TYPES})$`, 'i');
/** Link text that names a file: `实施方案.pdf`, `附件1.docx`, `下载（PDF）`. */
const FILE_TEXT = new RegExp(`(?:\\.(?:${FILE_TYPES})|[（(\\[【]\\s*(?:${FILE_TYPES})\\s*[)）\\]】])\\s*$`, 'i');
/** `filename=…` inside a parameter value, as object stores take `response-content-disposition`. */
const DISPOSITION_NAME = new RegExp(`filename\\*?=(?:utf-8'')?["']?([^"';&]+\\.(?:${FILE_TYPES}))`, 'i');
/** CMS download endpoints: Hanweb downfile.jsp, `download.do?fileId=…`, `/download?file=…`. */
const DOWNLOAD_ENDPOINT = /(?:downfile|download|downloadfile|filedown|getfile|attachment)(?:\.(?:jsp|do|aspx?|php|action))?$/i;
const FILE_NAME_PARAMS = ['filename', 'fileName', 'file_name', 'name', 'file', 'title'];
/** Link texts that say "download" without naming the file. */
const GENERIC_NAME = /^(文件下载|附件下载|点击下载|下载|下载附件|点击此处下载|查看|附件|download)$/i;
/** Links in these boxes point at other pages' files, not this document's. */
const FOREIGN_BOX_TAGS = new Set(['nav', 'footer', 'aside', 'header']);
const FOREIGN_BOX_NAMES = /(?:^|[^a-z])(nav\w*|menu\w*|footer|foot|sidebar|side|related|relate|xgwz|hot\w*|recommend\w*|rank\w*)(?=[^a-z]|$)/;

export interface AttachmentLinks {
  attachments: Attachment[];
  /** The <a> elements that point at attachments, so their lines survive link filtering. */
  elements: Set<Element>;
}

/** File links of the document: absolute URLs (page URL and <base href>), named, de-duplicated. */
export function findAttachments(links: Element[], pageUrl: string, baseHref: string | null): AttachmentLinks {
  const base = resolveBase(pageUrl, baseHref);
  const attachments: Attachment[] = [];
  const elements = new Set<Element>();
  const seen = new Set<string>();
  for (const link of links) {
    const url = resolve(link.attribs.href ?? '', base);
    if (!url || !isAttachmentLink(link, url) || inForeignBox(link)) continue;
    elements.add(link);
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    attachments.push({ url: url.href, name: nameOf(link, url) });
  }
  return { attachments, elements };
}

function resolveBase(pageUrl: string, baseHref: string | null): URL | null {
  const page = resolve(pageUrl, null);
  if (!baseHref) return page;
  return resolve(baseHref, page) ?? page;
}

function resolve(href: string, base: URL | null): URL | null {
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * A file, by what the link says of it: a file extension at the end of the path or of a query
 * value (`downloadFile?id=7&file_name=方案.docx`), a content-disposition file name in the query,
 * the `download` attribute, a CMS download endpoint with a query, or link text naming a file.
 */
function isAttachmentLink(link: Element, url: URL): boolean {
  if (FILE_EXTENSION.test(decodePath(url.pathname))) return true;
  if (url.search !== '' && queryFileName(url) !== null) return true;
  if (link.attribs.download !== undefined) return true;
  const last = url.pathname.split('/').pop() ?? '';
  if (url.search !== '' && DOWNLOAD_ENDPOINT.test(last)) return true;
  return FILE_TEXT.test(foldSpaces(textOf(link)));
}

/** The file a query names: a value ending in a file extension, or a disposition's `filename=`. */
function queryFileName(url: URL): string | null {
  for (const value of url.searchParams.values()) {
    const disposition = DISPOSITION_NAME.exec(value);
    if (disposition?.[1]) return baseName(disposition[1]);
    if (FILE_EXTENSION.test(value.trim())) return baseName(value.trim());
  }
  return null;
}

function nameOf(link: Element, url: URL): string {
  const text = foldSpaces(textOf(link)) || foldSpaces(link.attribs.title ?? '');
  if (text && !GENERIC_NAME.test(text)) return text;
  const download = foldSpaces(link.attribs.download ?? '');
  return download || fileNameOf(url);
}

function fileNameOf(url: URL): string {
  for (const param of FILE_NAME_PARAMS) {
    const value = url.searchParams.get(param);
    if (value) return baseName(value);
  }
  return queryFileName(url) ?? (decodePath(url.pathname.split('/').pop() ?? '') || url.href);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function inForeignBox(link: Element): boolean {
  for (let node = link.parent as AnyNode | null; node; node = node.parent as AnyNode | null) {
    if (!isElement(node)) continue;
    if (FOREIGN_BOX_TAGS.has(node.name)) return true;
    const names = classAndId(node);
    if (names && FOREIGN_BOX_NAMES.test(names)) return true;
  }
  return false;
}
