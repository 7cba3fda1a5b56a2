/**
 * How a site is reached: proxy, extra headers, cookies and TLS leniency. The config sets them at
 * the top level as defaults and per source as overrides, merged key by key; `try URL` can build the
 * same options from its flags. One resolved SiteAccess serves every request of a source: pages,
 * list APIs and robots.txt alike.
 */

export interface TlsOptions {
  /** Skip certificate verification. */
  insecure?: boolean;
  /** PEM file of extra CAs, added to the bundled roots. */
  ca?: string;
  /** Allow servers without RFC 5746 secure renegotiation (SSL_OP_LEGACY_SERVER_CONNECT). */
  legacyRenegotiation?: boolean;
}

/** What the config (or a command's flags) may say about reaching a site; every key optional. */
export interface SiteAccessOptions {
  proxy?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  tls?: TlsOptions;
}

/** The merged options of one source. Header names are lower case. */
export interface SiteAccess {
  proxy: string | undefined;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  tls: { insecure: boolean; ca: string | undefined; legacyRenegotiation: boolean };
}

/** Later layers win: a source's header or cookie replaces the default of the same name only. */
export function resolveSiteAccess(...layers: (SiteAccessOptions | undefined)[]): SiteAccess {
  const access: SiteAccess = { proxy: undefined, headers: {}, cookies: {}, tls: { insecure: false, ca: undefined, legacyRenegotiation: false } };
  for (const layer of layers) {
    if (!layer) continue;
    access.proxy = layer.proxy ?? access.proxy;
    for (const [name, value] of Object.entries(layer.headers ?? {})) access.headers[name.toLowerCase()] = value;
    Object.assign(access.cookies, layer.cookies);
    access.tls = {
      insecure: layer.tls?.insecure ?? access.tls.insecure,
      ca: layer.tls?.ca ?? access.tls.ca,
      legacyRenegotiation: layer.tls?.legacyRenegotiation ?? access.tls.legacyRenegotiation,
    };
  }
  return access;
}

/** Identifies sources reached the same way, so they may share what was fetched (robots.txt). */
export function siteAccessKey(access: SiteAccess): string {
  return JSON.stringify([access.proxy ?? null, Object.entries(access.headers).sort(), Object.entries(access.cookies).sort(), access.tls]);
}

/** Whether the source reaches its sites any differently from a plain direct request. */
export function isPlainAccess(access: SiteAccess): boolean {
  const { tls } = access;
  return (
    !access.proxy &&
    Object.keys(access.headers).length === 0 &&
    Object.keys(access.cookies).length === 0 &&
    !tls.insecure &&
    !tls.ca &&
    !tls.legacyRenegotiation
  );
}

/** The proxy as it may be shown: credentials replaced, e.g. `http://***:***@proxy.example:3128`. */
export function redactProxyUrl(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username) url.username = '***';
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '[proxy]';
  }
}

/**
 * Removes the proxy's credentials from a text bound for a log, an error or the database: the
 * whole URL, and the user and password alone, raw and percent-encoded.
 */
export function redactSecrets(text: string, access: { proxy?: string | undefined }): string {
  if (!access.proxy) return text;
  let result = text.split(access.proxy).join(redactProxyUrl(access.proxy));
  let url: URL;
  try {
    url = new URL(access.proxy);
  } catch {
    return result;
  }
  for (const secret of [url.password, url.username]) {
    if (secret.length < 3) continue; // too short to replace without mangling ordinary text
    for (const form of new Set([secret, safeDecode(secret)])) result = result.split(form).join('***');
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
