import { constants } from 'node:crypto';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { CookieJar } from 'tough-cookie';
import type { SiteAccess } from './site-access.js';
import { trustedWithExtraCa } from './tls-ca.js';

/**
 * A source's SiteAccess as got-scraping options (what Crawlee's HttpCrawler sends with), set on
 * every request in a pre-navigation hook. got-scraping handles http(s) proxies itself (`proxyUrl`:
 * plain requests for http:, CONNECT for https:); SOCKS goes through an agent instead. Before each
 * https request got-scraping probes the server's ALPN with a TLS connection of its own, direct and
 * without our TLS options: that probe is turned off (HTTP/1.1) when it would bypass a SOCKS proxy or
 * fail on a server that needs legacy renegotiation. got-scraping's generated browser headers are off
 * for every request: a crawler that names itself in its User-Agent does not also claim to be Chrome
 * (Sec-Ch-Ua, Sec-Fetch-*); the fetcher's own headers say what it accepts.
 */

export interface GotAccess {
  /** Merged into got's options by the hook. */
  options: Record<string, unknown>;
  /** Crawlee's HttpCrawler option; it overrides got's `https.rejectUnauthorized`. */
  ignoreSslErrors: boolean;
  /**
   * Cookies from the config plus those the sites set during the run. Crawlee's HTTP client drops
   * got's `cookieJar` option, so the fetcher sends them as a Cookie header and stores Set-Cookie itself.
   */
  cookieJar: CookieJar;
}

export function gotAccess(access: SiteAccess, startUrls: readonly string[]): GotAccess {
  const https: Record<string, unknown> = {};
  if (access.tls.ca) https.certificateAuthority = trustedWithExtraCa(access.tls.ca);
  if (access.tls.legacyRenegotiation) https.secureOptions = legacyRenegotiationOptions();
  const cookieJar = seededCookieJar(access.cookies, startUrls);
  const options: Record<string, unknown> = { https, useHeaderGenerator: false };
  const socks = access.proxy && /^socks/i.test(new URL(access.proxy).protocol);
  if (socks) {
    const agent = new SocksProxyAgent(access.proxy!);
    options.agent = { http: agent, https: agent };
  } else if (access.proxy) {
    options.proxyUrl = access.proxy;
  }
  if (socks || access.tls.legacyRenegotiation) options.http2 = false;
  return { options, ignoreSslErrors: access.tls.insecure, cookieJar };
}

/** OpenSSL 3 refuses servers without RFC 5746 by default; this is the flag curl and Python use. */
export function legacyRenegotiationOptions(): number {
  return constants.SSL_OP_LEGACY_SERVER_CONNECT;
}

/** Stores a response's Set-Cookie headers; a malformed or foreign cookie is ignored, as a browser would. */
export async function keepSetCookies(jar: CookieJar, url: string, setCookie: string | string[] | undefined): Promise<void> {
  for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    await jar.setCookie(cookie, url, { ignoreError: true });
  }
}

/** The configured cookies, set for each start URL's host (and so sent only there). */
export function seededCookieJar(cookies: Record<string, string>, startUrls: readonly string[]): CookieJar {
  const jar = new CookieJar();
  const origins = new Set(startUrls.map((url) => new URL(url).origin));
  for (const origin of origins) {
    for (const [name, value] of Object.entries(cookies)) jar.setCookieSync(`${name}=${value}; Path=/`, origin);
  }
  return jar;
}
