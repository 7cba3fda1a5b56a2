import { compileLinearRegex, type LinearRegex } from '../config/linear-regex.js';
import type { SourceConfig } from '../config/schema.js';

/** Links to these are attachments: recorded with the document, never crawled as pages. */
const ATTACHMENT_EXTENSIONS = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z|pptx?|txt|csv|jpe?g|png|gif|bmp|webp|svg|mp4|mp3|avi|flv|wmv|apk|exe|css|js|ico|xml)$/i;
const DOWNLOAD_ENDPOINT = /downfile\.jsp|download\.jsp|\/download\//i;
/** http and https both: bureau sites link across the two for the same host. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * Decides which URLs a source's crawl may follow, and in which role.
 * - Hosts: the start URLs' hosts (host:port), over http or https only; an `include` pattern that
 *   matches a URL's origin (`https://host/`) opens that host too.
 * - `exclude` always wins. `include`, when set, narrows documents and sub-lists; the pagination of
 *   a list page the crawl already reads is followed even when it does not match (Hanweb's
 *   `/module/web/jpage/dataproxy.jsp` rarely would).
 * - Without `include`, list pages are followed only inside the start URLs' folders (the
 *   "territory"): a column pasted from a city portal never becomes a crawl of the whole portal.
 */
export class SourceScope {
  private readonly hosts: Set<string>;
  private readonly include: LinearRegex[];
  private readonly exclude: LinearRegex[];
  /** `host` + folder path of each start URL, e.g. `www.example.gov.cn/col/col1001/`. */
  private readonly territory: string[];

  constructor(source: Pick<SourceConfig, 'startUrls' | 'include' | 'exclude'>) {
    const starts = source.startUrls.map((url) => new URL(url));
    this.hosts = new Set(starts.map((url) => url.host));
    // RE2 (linear time): the URLs matched are the site's choice.
    this.include = source.include.map(compileLinearRegex);
    this.exclude = source.exclude.map(compileLinearRegex);
    this.territory = starts.map((url) => url.host + url.pathname.replace(/[^/]*$/, ''));
  }

  /** An http(s) page on an allowed host, not excluded, not an attachment: may be fetched at all. */
  mayFetch(url: string): boolean {
    const parsed = new URL(url);
    // Hosts are compared as host:port, so the scheme is checked on its own: ftp://, ws:// … never.
    if (!WEB_SCHEMES.has(parsed.protocol)) return false;
    if (ATTACHMENT_EXTENSIONS.test(parsed.pathname) || DOWNLOAD_ENDPOINT.test(url)) return false;
    if (this.exclude.some((pattern) => pattern.test(url))) return false;
    return this.hosts.has(parsed.host) || this.include.some((pattern) => pattern.test(`${parsed.protocol}//${parsed.host}/`));
  }

  /** A link a list page points to as one of its items. */
  allowsDocument(url: string): boolean {
    return this.mayFetch(url) && this.matchesInclude(url);
  }

  /** A link to another list or channel page (sub-column, catalogue entry). */
  allowsSubList(url: string): boolean {
    if (!this.mayFetch(url)) return false;
    if (this.include.length > 0) return this.matchesInclude(url);
    const parsed = new URL(url);
    const where = parsed.host + parsed.pathname;
    return this.territory.some((folder) => where.startsWith(folder));
  }

  /** The next page of a list the crawl reads. */
  allowsPagination(url: string): boolean {
    return this.mayFetch(url);
  }

  private matchesInclude(url: string): boolean {
    return this.include.length === 0 || this.include.some((pattern) => pattern.test(url));
  }
}
