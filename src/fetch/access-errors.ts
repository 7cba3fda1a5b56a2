import { PermanentError, RetryableError, errorMessage } from '../errors.js';
import { redactProxyUrl, redactSecrets } from './site-access.js';

/**
 * Why a site could not be reached, by class, each with the option that would fix it named: the
 * answer to "what do I set?" for an operator reading the log or the run summary. The reason is a
 * stable word, fit to be a `source.failed` event's `reason`.
 */

export type AccessFailureReason =
  | 'certificate'
  | 'tls-handshake'
  | 'proxy-refused'
  | 'proxy-auth'
  | 'connection-reset'
  | 'connection-refused'
  | 'dns'
  | 'timeout'
  | 'challenge'
  | 'browser-missing';

export interface AccessFailure {
  reason: AccessFailureReason;
  /** One line: what failed, for which URL, and what to set. Free of proxy credentials. */
  message: string;
}

export class AccessRetryableError extends RetryableError {
  constructor(
    readonly reason: AccessFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export class AccessPermanentError extends PermanentError {
  constructor(
    readonly reason: AccessFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export type AccessError = AccessRetryableError | AccessPermanentError;

/** Worth another try: the network may behave next time; a certificate or a challenge will not. */
const RETRYABLE: ReadonlySet<AccessFailureReason> = new Set(['proxy-refused', 'connection-reset', 'connection-refused', 'timeout']);

export function accessError(failure: AccessFailure): AccessError {
  return RETRYABLE.has(failure.reason) ? new AccessRetryableError(failure.reason, failure.message) : new AccessPermanentError(failure.reason, failure.message);
}

/** The classification of a failure, when it has one (for a `source.failed` reason, a summary line). */
export function accessFailureReason(error: unknown): AccessFailureReason | undefined {
  return error instanceof AccessRetryableError || error instanceof AccessPermanentError ? error.reason : undefined;
}

const CERTIFICATE_CODES =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID|INVALID_CA|HOSTNAME_MISMATCH|ERR_CERT_[A-Z_]+|UNABLE_TO_DECRYPT_CERT_SIGNATURE)$/;
/** Certificate problems that no extra CA can cure: only skipping verification helps. */
const UNFIXABLE_BY_CA = /EXPIRED|NOT_YET_VALID|ALTNAME|HOSTNAME|COMMON_NAME|REVOKED|DATE_INVALID/;

/**
 * Classifies a transport error (Node/got/undici codes, Chromium net::ERR_* names) into an access
 * failure, or undefined for anything else (an HTTP status, a body too large, a bug).
 */
export function classifyAccessFailure(error: unknown, url: string, access: { proxy?: string | undefined }): AccessFailure | undefined {
  const code = errorCode(error);
  const text = redactSecrets(fullMessage(error), access);
  const via = access.proxy ? ` (through proxy ${redactProxyUrl(access.proxy)})` : '';
  if (CERTIFICATE_CODES.test(code) || /certificate|ERR_CERT_/i.test(text)) return certificateFailure(code || certificateName(text), url);
  if (/unsafe legacy renegotiation|UNSAFE_LEGACY_RENEGOTIATION/i.test(text)) {
    return {
      reason: 'tls-handshake',
      message: `TLS handshake failed (unsafe legacy renegotiation disabled) for ${url}: the server needs legacy renegotiation; set tls.legacyRenegotiation: true`,
    };
  }
  if (/wrong version number|ERR_SSL_PROTOCOL_ERROR|packet length too long/i.test(text)) {
    return { reason: 'tls-handshake', message: `TLS handshake failed for ${url}${via}: the server does not speak TLS there; check the URL's scheme and port` };
  }
  if (
    code === 'EPROTO' ||
    /^ERR_SSL_|handshake failure|alert protocol version|unsupported protocol|dh key too small|no (shared )?cipher|ERR_SSL_VERSION_OR_CIPHER_MISMATCH/i.test(
      `${code} ${text}`,
    )
  ) {
    return {
      reason: 'tls-handshake',
      message: `TLS handshake failed for ${url}${via} (${brief(text)}): the server's TLS is older than OpenSSL 3 accepts; try tls.legacyRenegotiation: true, or fetch: browser`,
    };
  }
  if (access.proxy) {
    const proxyFailure = classifyProxyFailure(code, text, url, access.proxy);
    if (proxyFailure) return proxyFailure;
  }
  return classifyNetworkFailure(code, text, url, via);
}

/** A site's answer that is itself a failure: a 412 script challenge, a proxy's 407. */
export function classifyStatusFailure(status: number, url: string, access: { proxy?: string | undefined }): AccessFailure | undefined {
  if (status === 412) {
    return {
      reason: 'challenge',
      message: `HTTP 412 challenge for ${url}: the site answers with a JavaScript check that only a browser passes; set fetch: browser for this source`,
    };
  }
  if (status === 407 && access.proxy) return proxyAuthFailure(url, access.proxy);
  return undefined;
}

function certificateFailure(code: string, url: string): AccessFailure {
  const name = code || 'certificate rejected';
  const fix = UNFIXABLE_BY_CA.test(name) ? 'set tls.insecure: true (a CA cannot fix this)' : "add the site's CA with tls.ca, or tls.insecure: true";
  return { reason: 'certificate', message: `certificate verify failed (${name}) for ${url}: ${fix}` };
}

function classifyProxyFailure(code: string, text: string, url: string, proxy: string): AccessFailure | undefined {
  const shown = redactProxyUrl(proxy);
  if (/\b407\b|proxy authentication required|ERR_PROXY_AUTH/i.test(text)) return proxyAuthFailure(url, proxy);
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ERR_PROXY_CONNECTION_FAILED|ERR_SOCKS_CONNECTION_FAILED/.test(`${code} ${text}`)) {
    return {
      reason: 'proxy-refused',
      message: `proxy ${shown} refused or is unreachable (${code || brief(text)}) for ${url}: check proxy (host, port, that it runs)`,
    };
  }
  if (/Proxy responded with|ERR_TUNNEL_CONNECTION_FAILED|socks.*(rejected|failed)|Socks5 proxy rejected|tunnel/i.test(text)) {
    return {
      reason: 'proxy-refused',
      message: `proxy ${shown} would not connect to ${url} (${brief(text)}): the proxy refused the target; check proxy, or that the proxy may reach this site`,
    };
  }
  return undefined;
}

function proxyAuthFailure(url: string, proxy: string): AccessFailure {
  return {
    reason: 'proxy-auth',
    message: `proxy ${redactProxyUrl(proxy)} asks for authentication (HTTP 407) for ${url}: put the right user and password in proxy, e.g. http://user:\${PROXY_PASSWORD}@host:port`,
  };
}

function classifyNetworkFailure(code: string, text: string, url: string, via: string): AccessFailure | undefined {
  const both = `${code} ${text}`;
  if (/ECONNRESET|socket hang up|EPIPE|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED/.test(both)) {
    return {
      reason: 'connection-reset',
      message: `connection reset (${code || brief(text)}) for ${url}${via}: the site or a firewall dropped it; sites that refuse foreign addresses do this, so set proxy to one in mainland China`,
    };
  }
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/.test(both)) {
    return {
      reason: 'connection-refused',
      message: `connection refused (${code || brief(text)}) for ${url}${via}: nothing answers on that port; check the URL, or set proxy if the site only answers addresses in China`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/.test(both)) {
    return { reason: 'dns', message: `host name not found (${code || 'DNS'}) for ${url}: check the URL; a name that resolves only inside China needs proxy` };
  }
  if (/ETIMEDOUT|timed out|timeout|ERR_TIMED_OUT/i.test(both)) {
    return {
      reason: 'timeout',
      message: `no answer in time (${brief(text)}) for ${url}${via}: raise fetch.timeoutSecs, or set proxy if the site drops foreign traffic`,
    };
  }
  return undefined;
}

function errorCode(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_NON_2XX_3XX_RESPONSE') return code;
  }
  return '';
}

/** The message with its causes: fetch() and Crawlee put the useful part in `cause`. */
function fullMessage(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(errorMessage(current));
  }
  return parts.join(': ');
}

function certificateName(text: string): string {
  return /\b(ERR_CERT_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/.exec(text)?.[1] ?? '';
}

/** The first line, short, with control characters replaced: a proxy's or server's words reach a terminal. */
function brief(text: string): string {
  const line = (text.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
