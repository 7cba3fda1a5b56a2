/**
 * Notices with attachments on a loopback site, for the integration tests: a column page listing
 * notices, each a disclosure page whose attachment links lead to files served by the test site (with
 * ETags and 304 answers, as the static server gives them). `standardFiles` is one file of every
 * format the readers handle, each holding a phrase found nowhere else.
 */
import { committed, committedPhrases } from './committed.js';
import { makeDocx, makeOfd, makeXlsx } from './office-writers.js';
import { cidFontPdf } from './pdf-writer.js';
import { makeZip } from './zip-writer.js';
import { disclosurePage, listPage, type Item } from '../../helpers/pages.js';
import type { TestSite } from '../../helpers/site.js';

export interface ServedFile {
  /** Path (and query) on the site. */
  path: string;
  /** Link text on the notice page. */
  linkText: string;
  bytes: Uint8Array;
  /** A phrase found only inside this file's text. */
  phrase?: string;
  headers?: Record<string, string>;
  /** Served from this site instead of the notice's. */
  site?: TestSite;
}

export const PHRASES = {
  pdfEmbedded: committedPhrases['embedded-cjk-subset.pdf'],
  pdfCid: '全面推行课后托管服务',
  docx: '推进集团化办学改革',
  doc: committedPhrases['notice-word97.doc'],
  xlsx: '示例区城南幼儿园',
  xls: committedPhrases['schools-biff8.xls'],
  ofd: '数字化转型试点工作',
  zip: '压缩包里的劳动教育清单',
} as const;

/** One file of every format; the CID PDF is named only by Content-Disposition, the DOCX only by its query. */
export function standardFiles(): ServedFile[] {
  return [
    { path: '/files/plan-embedded.pdf', linkText: '1.2025年工作要点.pdf', bytes: committed('embedded-cjk-subset.pdf'), phrase: PHRASES.pdfEmbedded },
    {
      path: '/download.do?id=7',
      linkText: '点击下载',
      bytes: cidFontPdf(['附件二 课后服务实施方案', PHRASES.pdfCid]),
      phrase: PHRASES.pdfCid,
      headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('课后服务实施方案.pdf')}` },
    },
    {
      path: '/getfile.do?fileId=9&fileName=%E9%9B%86%E5%9B%A2%E5%8C%96%E5%8A%9E%E5%AD%A6.docx',
      linkText: '下载',
      bytes: makeDocx(['附件三', PHRASES.docx]),
      phrase: PHRASES.docx,
    },
    { path: '/files/notice.doc', linkText: '安全教育通知.doc', bytes: committed('notice-word97.doc'), phrase: PHRASES.doc },
    {
      path: '/files/schools.xlsx',
      linkText: '幼儿园名单.xlsx',
      bytes: makeXlsx('名单', [
        ['序号', '学校'],
        ['1', PHRASES.xlsx],
      ]),
      phrase: PHRASES.xlsx,
    },
    { path: '/files/schools.xls', linkText: '特色学校名单.xls', bytes: committed('schools-biff8.xls'), phrase: PHRASES.xls },
    { path: '/files/notice.ofd', linkText: '试点通知.ofd', bytes: makeOfd([[{ x: 20, y: 30, text: PHRASES.ofd }]]), phrase: PHRASES.ofd },
    { path: '/files/bundle.zip', linkText: '附件包.zip', bytes: makeZip([{ name: '附件/清单.docx', data: makeDocx([PHRASES.zip]) }]), phrase: PHRASES.zip },
  ];
}

export interface Notice {
  path: string;
  title: string;
  files: ServedFile[];
  /** The page's own text marker (every paragraph carries it). */
  marker?: string;
}

/** Serves the column page listing the notices, each notice page, and its files; returns the column URL. */
export function serveNotices(site: TestSite, notices: Notice[]): string {
  const items: Item[] = notices.map((notice) => ({ href: notice.path, title: notice.title, date: '2024-03-08' }));
  site.routes.set('/col/notices/index.html', { body: listPage(items) });
  for (const notice of notices) {
    site.routes.set(notice.path, () => ({ body: noticePage(site, notice) }));
    for (const file of notice.files) serveFile(file.site ?? site, file);
  }
  return `${site.baseUrl}/col/notices/index.html`;
}

/** (Re)places a file on its site; the static server gives it a new ETag when the bytes change. */
export function serveFile(site: TestSite, file: ServedFile): void {
  site.routes.set(file.path, { body: Buffer.from(file.bytes), contentType: 'application/octet-stream', headers: file.headers });
}

function noticePage(site: TestSite, notice: Notice): string {
  const links = notice.files
    .map((file) => `<p><a href="${(file.site ?? site).baseUrl}${file.path.replaceAll('&', '&amp;')}">${file.linkText}</a></p>`)
    .join('\n');
  return disclosurePage(notice.title, notice.marker ?? notice.title, `<div class="attachments"><p>附件：</p>${links}</div>`);
}

export function fileUrl(site: TestSite, file: ServedFile): string {
  return `${(file.site ?? site).baseUrl}${file.path}`;
}
