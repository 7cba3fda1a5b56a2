import type { CanonicalKey } from '../../extract/types.js';

/** Byte encoding a page is stored in. GB pages declare `gb2312` in a `<meta http-equiv>` only. */
export type PageCharset = 'utf-8' | 'gbk';

/** One label/value pair of a disclosure metadata block. `value` is raw HTML, written as the CMS would. */
export interface MetaEntry {
  label: string;
  value: string;
}

/** An attachment link as written in the page (href may be relative to the page). */
export interface AttachmentLink {
  href: string;
  name: string;
}

/** What the extractor should produce for a document page; written by hand next to the page data. */
export interface DocumentExpectation {
  publishedDate: string;
  /** A subset of the canonical fields: each listed key must come out with exactly this value. */
  fields: Partial<Record<CanonicalKey, string>>;
  /** Keys whose label is on the page with a placeholder, hidden in a comment or empty: must be absent. */
  absentFields: CanonicalKey[];
  /** A phrase found in this document's body and in no other page's body. */
  phrase: string;
}

/** Fields shared by both CMS layouts. */
export interface DemoDocumentBase {
  /** Name of the body text file in ./bodies/ (without .txt). */
  bodyFile: string;
  /** URL path on the site. */
  path: string;
  /** The document's real title (what the extractor should find). */
  title: string;
  /** Content of `<title>`: with a site suffix, or only the column name. */
  htmlTitle: string;
  charset: PageCharset;
  /** Date shown next to the link on the list page. */
  listDate: string;
  /** The "发布时间" line as the CMS prints it. */
  postedAt: string;
  /** Government-website guideline `<meta>` tags this page carries (some pages carry none). */
  headMeta: { ArticleTitle?: string; PubDate?: string };
  attachments: AttachmentLink[];
  expected: DocumentExpectation;
}

/** Hanweb (大汉) detail page: metadata block in one of several markups, body between ZJEG_RSS markers. */
export interface HanwebDocument extends DemoDocumentBase {
  cms: 'hanweb';
  metaLayout: 'li-span' | 'div-span' | 'table-th' | 'li-font';
  meta: MetaEntry[];
  /** View counter in the page chrome. */
  views: number;
}

/** TRS / gov.cn detail page: the `table.bd1` metadata table, body in `div.TRS_Editor`. */
export interface TrsDocument extends DemoDocumentBase {
  cms: 'trs';
  table: {
    indexNo: string;
    category: string;
    publisher: string;
    writtenDate: string;
    /** Render the 成文日期 cells inside an HTML comment (not visible to readers). */
    writtenDateCommentedOut?: boolean;
    docNo: string;
    publishedDate: string;
    keywords: string;
  };
}

export type DemoDocument = HanwebDocument | TrsDocument;

/** A generated file of the site: path relative to the site root, and its bytes. */
export interface SiteFile {
  path: string;
  bytes: Buffer;
}
