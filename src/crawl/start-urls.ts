/**
 * Whether a source's start URLs could be read in this run, and if not, why, in words an operator
 * can act on ("answered 404 (check startUrls)", a certificate problem naming `tls.ca` …). A source
 * none of whose start URLs could be read has failed: cron must hear of it (exit code, summary,
 * `source.failed`), however few errors it counted.
 */
import { accessFailureReason } from '../fetch/access-errors.js';
import type { BureauWatchError } from '../errors.js';

export class StartUrlReadings {
  private readonly read = new Set<string>();
  /** Start URL → why it could not be read (the first reason kept: later retries say the same). */
  private readonly failures = new Map<string, string>();

  /** The start URL answered with a page the crawl could use (a list, a document, a listApi answer). */
  succeeded(url: string): void {
    this.read.add(url);
    this.failures.delete(url);
  }

  failed(url: string, reason: string): void {
    if (!this.read.has(url) && !this.failures.has(url)) this.failures.set(url, reason);
  }

  /** Every start URL that was tried failed, and none was read. */
  get allFailed(): boolean {
    return this.read.size === 0 && this.failures.size > 0;
  }

  /** One line: the first failure, and how many more start URLs failed. */
  summary(): string | null {
    const [first, ...others] = [...this.failures.values()];
    if (first === undefined) return null;
    return others.length ? `${first} (and ${others.length} more start URL(s) failed)` : first;
  }
}

/** Why a start URL's HTTP answer is no use, with what to check. */
export function statusReason(url: string, status: number): string {
  if (status === 403) return `${url} answered 403 Forbidden: the site refuses this client; try headers (Referer), cookies, or a proxy in mainland China`;
  if (status === 404 || status === 410) return `${url} answered ${status} (check startUrls)`;
  if (status === 401) return `${url} answered 401: the page needs a login (check startUrls)`;
  if (status === 429) return `${url} answered 429 Too Many Requests: lower maxRequestsPerMinute`;
  if (status >= 500) return `${url} answered ${status} after retries: the server failed; it may work on the next run`;
  return `${url} answered HTTP ${status} (check startUrls)`;
}

/**
 * Why a start URL could not be fetched. A classified access failure already names the URL and the
 * option that fixes it (certificate → tls.ca, DNS, proxy …); a 5xx after retries or a refused
 * content type is put in the same words as a status.
 */
export function fetchFailureReason(url: string, error: BureauWatchError): string {
  if (accessFailureReason(error)) return error.message;
  // Crawlee's words, after our "<url>: " prefix: "500 - Internal Server Error: …", "Resource … served Content-Type …".
  const text = error.message.startsWith(`${url}: `) ? error.message.slice(url.length + 2) : error.message;
  const status = /^([1-5]\d\d) - /.exec(text)?.[1];
  if (status) return statusReason(url, Number(status));
  if (/served Content-Type/i.test(text)) {
    const type = /served Content-Type ([^,\s]+)/i.exec(text)?.[1] ?? 'another type';
    return `${url} is not an HTML page (it served ${type}): check startUrls`;
  }
  return `${url}: ${oneLine(text)}`;
}

function oneLine(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
