import { existsSync, readFileSync } from 'node:fs';
import { EDITED_PATH, NEW_PLAN, REMOVED_PATH, editedBody } from './edition-2.js';
import { hanwebDocuments } from './hanweb-documents.js';
import { hanwebListFile, renderHanwebDetail, renderHanwebList } from './hanweb.js';
import { encodePage } from './html.js';
import { CREATE_PAGE_HTML_JS, HANWEB_CSS, HANWEB_JS, ROBOTS_TXT, TRS_CSS, renderAdmin, renderHanwebLanding, renderHome, renderTrsLanding } from './portal.js';
import { renderTrsDetail, renderTrsList, trsListFile } from './trs.js';
import { trsDocuments } from './trs-documents.js';
import type { DemoDocument, DocumentExpectation, PageCharset, SiteFile, TrsDocument } from './types.js';

/** Renders the whole demo site in memory, and the expectations the crawler tests hold it to. */

const PER_PAGE = 2;
/** List pages stored as GBK (the Hanweb column's oldest page, as on sites migrated half-way). */
const GBK_LIST_PAGES = new Set(['/col/col1001/list_3.html']);
export const START_PATHS = ['/col/col1001/index.html', '/xxgk/ghjh/index.html'];
/** The sample config's alert rule; the expectations say which documents it should fire on. */
const PLAN_ALERT = /工作要点|工作计划|规划/;

/** Works from src/demo/site-src/ (tsx) and from dist/demo/site-src/ alike: both sit three levels down. */
const BODIES_DIR = new URL('../../../src/demo/site-src/bodies/', import.meta.url);
/** Attachment files, committed as they are (small): served beside the page that links them. */
const FILES_DIR = new URL('../../../src/demo/site-src/files/', import.meta.url);

function readBody(doc: DemoDocument): string {
  return readFileSync(new URL(`${doc.bodyFile}.txt`, BODIES_DIR), 'utf8');
}

const newestFirst = <T extends DemoDocument>(docs: T[]): T[] => [...docs].sort((a, b) => b.listDate.localeCompare(a.listDate));

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const listCharset = (path: string): PageCharset => (GBK_LIST_PAGES.has(path) ? 'gbk' : 'utf-8');

function hanwebListPaths(): string[] {
  return chunk(hanwebDocuments, PER_PAGE).map((_, i) => `/col/col1001/${hanwebListFile(i + 1)}`);
}

function trsListPaths(docs: TrsDocument[] = trsDocuments): string[] {
  return chunk(docs, PER_PAGE).map((_, i) => `/xxgk/ghjh/${trsListFile(i)}`);
}

/** What the site publishes: the first edition (src/demo/site/), or the second one the demo's later passes see. */
interface Edition {
  trs: TrsDocument[];
  body(doc: DemoDocument): string;
}

const FIRST_EDITION: Edition = { trs: trsDocuments, body: readBody };
const SECOND_EDITION: Edition = {
  trs: [NEW_PLAN, ...trsDocuments.filter((doc) => doc.path !== REMOVED_PATH)],
  body: (doc) => (doc.path === EDITED_PATH ? editedBody(readBody(doc)) : readBody(doc)),
};

export function listPagePaths(): string[] {
  return [...hanwebListPaths(), ...trsListPaths()];
}

function page(path: string, html: string, charset: PageCharset = 'utf-8'): SiteFile {
  return { path: path.replace(/^\//, ''), bytes: encodePage(html, charset, path) };
}

function hanwebFiles(): SiteFile[] {
  const column = newestFirst(hanwebDocuments);
  const files = column.map((doc) => page(doc.path, renderHanwebDetail(doc, readBody(doc), column), doc.charset));
  const pages = chunk(column, PER_PAGE);
  const paths = hanwebListPaths();
  pages.forEach((docs, i) => {
    const path = paths[i] as string;
    const list = { page: i + 1, charset: listCharset(path), docs };
    files.push(page(path, renderHanwebList(list, pages.length, column.length, PER_PAGE), list.charset));
  });
  return files;
}

/** The attachment files a document links that exist in files/ (the others answer 404, as dead links do). */
function attachmentFiles(doc: DemoDocument): SiteFile[] {
  return doc.attachments.flatMap((attachment) => {
    const name = attachment.href.split('/').pop() ?? '';
    const source = new URL(name, FILES_DIR);
    return existsSync(source) ? [{ path: resolvePath(attachment.href, doc.path).replace(/^\//, ''), bytes: readFileSync(source) }] : [];
  });
}

function trsFiles(edition: Edition): SiteFile[] {
  const column = newestFirst(edition.trs);
  const files = column.map((doc) => page(doc.path, renderTrsDetail(doc, edition.body(doc)), doc.charset));
  files.push(...column.flatMap(attachmentFiles));
  const pages = chunk(column, PER_PAGE);
  const paths = trsListPaths(edition.trs);
  pages.forEach((docs, i) => {
    const path = paths[i] as string;
    files.push(page(path, renderTrsList(i, pages.length, listCharset(path), docs), listCharset(path)));
  });
  return files;
}

function portalFiles(edition: Edition): SiteFile[] {
  const latest = newestFirst<DemoDocument>([...hanwebDocuments, ...edition.trs]).slice(0, 4);
  const text = (path: string, content: string): SiteFile => ({ path, bytes: Buffer.from(content, 'utf8') });
  return [
    page('/index.html', renderHome(latest)),
    page('/col/col1000/index.html', renderHanwebLanding()),
    page('/xxgk/index.html', renderTrsLanding()),
    page('/admin/index.html', renderAdmin()),
    text('robots.txt', ROBOTS_TXT),
    text('css/hanweb.css', HANWEB_CSS),
    text('css/trs.css', TRS_CSS),
    text('js/hanweb.js', HANWEB_JS),
    text('js/createPageHTML.js', CREATE_PAGE_HTML_JS),
  ];
}

/** Every file of the site, sorted by path. Deterministic: the committed site must equal this. */
export function renderSite(edition: Edition = FIRST_EDITION): SiteFile[] {
  return [...hanwebFiles(), ...trsFiles(edition), ...portalFiles(edition)].sort((a, b) => a.path.localeCompare(b.path));
}

/** The second edition as changes to the first: files new or changed, and paths no longer served (404). */
export function renderSiteChanges(): { files: SiteFile[]; removed: string[] } {
  const first = new Map(renderSite().map((file) => [file.path, file.bytes]));
  const second = renderSite(SECOND_EDITION);
  const served = new Set(second.map((file) => file.path));
  return {
    files: second.filter((file) => !first.get(file.path)?.equals(file.bytes)),
    removed: [...first.keys()].filter((path) => !served.has(path)).map((path) => `/${path}`),
  };
}

export interface ExpectedDocument extends DocumentExpectation {
  path: string;
  cms: DemoDocument['cms'];
  charset: PageCharset;
  title: string;
  /** Attachment URLs as paths (with query) relative to the site root. */
  attachments: { path: string; name: string }[];
  /** Whether the sample "工作要点|工作计划|规划" alert rule matches the title. */
  matchesPlanAlert: boolean;
}

export interface DemoExpected {
  about: string;
  startPaths: string[];
  listPages: string[];
  disallowedPaths: string[];
  documents: ExpectedDocument[];
}

function resolvePath(href: string, pagePath: string): string {
  const url = new URL(href, `http://demo.invalid${pagePath}`);
  return url.pathname + url.search;
}

export function renderExpected(): DemoExpected {
  const documents = newestFirst<DemoDocument>([...hanwebDocuments, ...trsDocuments]).map((doc): ExpectedDocument => ({
    path: doc.path,
    cms: doc.cms,
    charset: doc.charset,
    title: doc.title,
    ...doc.expected,
    attachments: doc.attachments.map((a) => ({ path: resolvePath(a.href, doc.path), name: a.name })),
    matchesPlanAlert: PLAN_ALERT.test(doc.title),
  }));
  return {
    about:
      'Generated by src/demo/build-site.ts. What the crawler and extractor should produce for the bundled demo site. ' +
      '`fields` is a subset: each listed key must match exactly; keys in `absentFields` must be missing.',
    startPaths: START_PATHS,
    listPages: listPagePaths(),
    disallowedPaths: ['/admin/'],
    documents,
  };
}
