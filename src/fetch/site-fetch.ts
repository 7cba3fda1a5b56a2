import { Agent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { CookieJar } from 'tough-cookie';
import { classifyAccessFailure, classifyStatusFailure, type AccessFailure } from './access-errors.js';
import { legacyRenegotiationOptions } from './got-access.js';
import { redactSecrets, type SiteAccess } from './site-access.js';
import { socksConnector } from './socks-connector.js';
import { trustedWithExtraCa } from './tls-ca.js';

/**
 * A WHATWG fetch that reaches sites the way a source's pages are reached (proxy, TLS options,
 * headers, cookies): for the requests made outside Crawlee, robots.txt first of all. Built on
 * undici's own fetch with a dispatcher holding the options. A failure is rethrown as an Error
 * whose message is the classified one (what failed, which option fixes it), credentials removed.
 */

/** The shape of the global fetch, as robots.ts takes it. */
export type FetchFunction = (url: string, init?: RequestInit) => Promise<Response>;

export interface SiteFetch {
  fetch: FetchFunction;
  /** The classified failure of the last request to this URL's origin that failed, if any. */
  failureFor(url: string): AccessFailure | undefined;
  close(): Promise<void>;
}

export function createSiteFetch(access: SiteAccess, cookieJar?: CookieJar): SiteFetch {
  const dispatcher = accessDispatcher(access);
  const failures = new Map<string, AccessFailure>();
  const fetch: FetchFunction = async (url, init = {}) => {
    const headers: Record<string, string> = { ...Object.fromEntries(new Headers(init.headers)), ...access.headers };
    // Without a jar (robots.txt), the configured cookies go to whichever origin of the source is asked.
    const cookie = cookieJar ? await cookieJar.getCookieString(url) : cookieHeader(access.cookies);
    if (cookie) headers.cookie = cookie;
    let response: Response;
    try {
      // undici's RequestInit and the global one differ only in typings (dispatcher, body kinds).
      response = (await undiciFetch(url, { ...(init as object), headers, dispatcher })) as unknown as Response;
    } catch (error) {
      const failure = classifyAccessFailure(error, url, access);
      if (failure) failures.set(new URL(url).origin, failure);
      throw new Error(failure?.message ?? redactSecrets(describe(error), access));
    }
    // A proxy's 407 is no answer of the site's (robots.txt would read a 4xx as "no rules").
    const refused = response.status === 407 ? classifyStatusFailure(407, url, access) : undefined;
    if (!refused) return response;
    await response.body?.cancel();
    failures.set(new URL(url).origin, refused);
    throw new Error(refused.message);
  };
  return { fetch, failureFor: (url) => failures.get(new URL(url).origin), close: () => dispatcher.close() };
}

function accessDispatcher(access: SiteAccess): Dispatcher {
  const tls = {
    rejectUnauthorized: !access.tls.insecure,
    ...(access.tls.ca ? { ca: trustedWithExtraCa(access.tls.ca) } : {}),
    ...(access.tls.legacyRenegotiation ? { secureOptions: legacyRenegotiationOptions() } : {}),
  };
  if (!access.proxy) return new Agent({ connect: tls });
  if (new URL(access.proxy).protocol.startsWith('socks')) return new Agent({ connect: socksConnector(access.proxy, tls) });
  // Plain requests for http: targets (as browsers and the page fetcher send them), CONNECT for https:.
  return new ProxyAgent({ uri: access.proxy, requestTls: tls, proxyTunnel: false });
}

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause instanceof Error ? `${message}: ${cause.message}` : message;
}
