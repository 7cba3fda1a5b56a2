import { createRequire } from 'node:module';
import { errorMessage } from '../errors.js';
import { MAX_CRAWL_DELAY_SECS, type HostGate } from './host-gate.js';

/**
 * robots.txt, read once per host and run, with the rules of RFC 9309:
 * - 2xx: the rules for our product token `bureau-watch`, else for `*`;
 *   a robots.txt that is really an HTML page (CMSes answer every path with their home or error
 *   page) holds no rules: allow all;
 * - 4xx (none there, or forbidden): allow all;
 * - 5xx, timeout, connection failure: the site cannot say, so assume complete disallow for this run;
 * - 3xx: followed up to 5 times, but only on the same origin (scheme, host, port): a redirect to
 *   another host or port would send a request outside the source's scope and past the per-host
 *   gate. A redirect elsewhere, or a sixth one, makes the file "unavailable": allow all.
 * Crawlee's own `respectRobotsTxtFile` does not fit: it fetches without our User-Agent or a timeout,
 * allows all on a 5xx, and parses an HTML page as rules.
 */

/** The token robots.txt groups name us by (the User-Agent's product name). */
export const ROBOTS_TOKEN = 'bureau-watch';
/** RFC 9309: crawlers must read at least 500 KiB; rules after that point may be ignored. */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** RFC 9309 §2.3.1.2: follow at least five consecutive redirects; past that, "unavailable". */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The part of robots-parser's parsed file we use. */
interface Robot {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
}
// robots-parser is CommonJS whose typings declare an ES default export; under NodeNext that
// default is not callable in TypeScript, so it is loaded the CommonJS way.
const parseRobots = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

export type RobotsVerdict = 'rules' | 'allow-all' | 'disallow-all';

export class RobotsRules {
  constructor(
    readonly verdict: RobotsVerdict,
    /** Why, for the log: "404", "HTML page", "503", "timeout" … */
    readonly reason: string,
    private readonly robot: Robot | null = null,
  ) {}

  isAllowed(url: string): boolean {
    if (this.verdict !== 'rules') return this.verdict === 'allow-all';
    return this.robot?.isAllowed(url, ROBOTS_TOKEN) ?? true;
  }

  /** `Crawl-delay` for us, in seconds, when the file sets one. */
  crawlDelaySecs(): number | undefined {
    const delay = this.robot?.getCrawlDelay(ROBOTS_TOKEN);
    return typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay : undefined;
  }
}

export interface RobotsCacheOptions {
  userAgent: string;
  timeoutMs: number;
  gate?: HostGate;
  /** How robots.txt is fetched: a source's proxy, TLS options, headers and cookies (site-fetch.ts); default global fetch. */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
}

/** Rules per origin, fetched on first use and shared by every source of the run. */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();
  private readonly loaded = new Map<string, RobotsRules>();

  constructor(private readonly options: RobotsCacheOptions) {}

  forUrl(url: string): Promise<RobotsRules> {
    const { origin, host } = new URL(url);
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(origin, host).then((loaded) => {
        this.loaded.set(origin, loaded);
        return loaded;
      });
      this.byOrigin.set(origin, rules);
    }
    return rules;
  }

  /** The verdict for a URL if its origin's rules are loaded already, else undefined (synchronous). */
  peek(url: string): boolean | undefined {
    return this.loaded.get(new URL(url).origin)?.isAllowed(url);
  }

  /** Whether robots.txt lets us fetch the URL (its origin's rules are loaded on first use). */
  async isAllowed(url: string): Promise<boolean> {
    return (await this.forUrl(url)).isAllowed(url);
  }

  private async load(origin: string, host: string): Promise<RobotsRules> {
    const release = await this.options.gate?.acquire(host);
    try {
      await this.options.gate?.turn(host);
      const rules = await fetchRobots(`${origin}/robots.txt`, this.options);
      this.options.gate?.sent(host); // its answer is in: it certainly left by now
      // Crawl-delay spaces every request to the host from now on, whichever source makes it.
      const delay = rules.crawlDelaySecs();
      if (delay) this.options.gate?.space(host, Math.min(delay, MAX_CRAWL_DELAY_SECS) * 1000);
      return rules;
    } finally {
      release?.();
    }
  }
}

async function fetchRobots(robotsUrl: string, options: RobotsCacheOptions): Promise<RobotsRules> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const origin = new URL(robotsUrl).origin;
  let url = robotsUrl;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        headers: { 'user-agent': options.userAgent, accept: 'text/plain,*/*;q=0.5' },
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      return new RobotsRules('disallow-all', `unreachable: ${errorMessage((error as Error).cause ?? error)}`);
    }
    if (!REDIRECT_STATUSES.has(response.status)) return rulesFromResponse(response, robotsUrl);
    await response.body?.cancel();
    const next = redirectTarget(response, url);
    // Followed only on this origin, under the host's request slot held for this load; anything
    // else counts as "unavailable" (RFC 9309 §2.3.1.2–3): allow all. An http→https move is then
    // ruled by the https origin's own robots.txt, read when the crawl first asks for a URL there.
    if (!next || next.origin !== origin) {
      return new RobotsRules(
        'allow-all',
        `HTTP ${response.status} to ${next?.origin ?? 'no usable Location'}: not followed off this origin, treated as unavailable`,
      );
    }
    if (redirects >= MAX_REDIRECTS) return new RobotsRules('allow-all', `more than ${MAX_REDIRECTS} redirects, treated as unavailable`);
    url = next.href;
  }
}

function redirectTarget(response: Response, from: string): URL | null {
  try {
    return new URL(response.headers.get('location') ?? '', from);
  } catch {
    return null;
  }
}

async function rulesFromResponse(response: Response, robotsUrl: string): Promise<RobotsRules> {
  if (response.status >= 500) {
    await response.body?.cancel();
    return new RobotsRules('disallow-all', `HTTP ${response.status}`);
  }
  if (response.status >= 400) {
    await response.body?.cancel();
    return new RobotsRules('allow-all', `HTTP ${response.status}`);
  }
  let text: string;
  try {
    text = await readBounded(response);
  } catch (error) {
    return new RobotsRules('disallow-all', `unreadable: ${errorMessage(error)}`);
  }
  if (/html/i.test(response.headers.get('content-type') ?? '') || looksLikeHtml(text)) {
    return new RobotsRules('allow-all', 'HTML page, not robots rules');
  }
  // Parsed against the address asked for: a redirected robots.txt still rules the original origin.
  return new RobotsRules('rules', `HTTP ${response.status}`, parseRobots(robotsUrl, text));
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype\s+html|<html|<head|<body|<\?xml)/i.test(text) || /<\/(html|body|head|div|script)>/i.test(text.slice(0, 4096));
}

/** Reads at most MAX_ROBOTS_BYTES; what follows is ignored, as RFC 9309 allows. */
async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < MAX_ROBOTS_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  if (total >= MAX_ROBOTS_BYTES) await reader.cancel();
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, MAX_ROBOTS_BYTES));
}
