import type { SourceConfig } from '../config/schema.js';

/** Links to these are attachments: recorded with the document, never crawled as pages. */
export const ATTACHMENT_EXTENSIONS = /\.(pdf|docx?|wps|xlsx?|ofd|zip|rar|7z|pptx?|txt|jpe?g|png|gif|bmp|mp4|mp3|avi|flv|apk|exe)$/i;
const DOWNLOAD_ENDPOINT = /downfile\.jsp|download\.jsp|\/download\//i;

/** Decides which URLs a source's crawl may follow: its start hosts, narrowed by include/exclude. */
export class SourceScope {
  private readonly hosts: Set<string>;
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(source: Pick<SourceConfig, 'startUrls' | 'include' | 'exclude'>) {
    this.hosts = new Set(source.startUrls.map((url) => new URL(url).host));
    this.include = source.include.map((pattern) => new RegExp(pattern));
    this.exclude = source.exclude.map((pattern) => new RegExp(pattern));
  }

  /** True when the crawl may fetch this (canonical) URL as a page. */
  allows(url: string): boolean {
    const parsed = new URL(url);
    if (ATTACHMENT_EXTENSIONS.test(parsed.pathname) || DOWNLOAD_ENDPOINT.test(url)) return false;
    if (this.exclude.some((pattern) => pattern.test(url))) return false;
    if (this.include.length > 0) return this.include.some((pattern) => pattern.test(url));
    return this.hosts.has(parsed.host);
  }
}
