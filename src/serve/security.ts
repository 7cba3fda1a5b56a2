/**
 * Safe by default. Titles and texts are hostile input: views escape them (src/serve/views/html.ts),
 * and these headers make sure nothing a site sent can run even if something slipped through: a
 * Content-Security-Policy with no script at all and styles from our own stylesheet only,
 * `nosniff`, no framing, no referrer. The view is read-only: only GET and HEAD are answered (405
 * for the rest). Bound to loopback, it answers only requests addressed to a loopback name, so a web
 * page cannot reach it through DNS rebinding.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The security headers on every answer. A handler's own CSP (the archived copy's `sandbox`) is kept. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    // Plain HTTP on loopback: HSTS would mean nothing here.
    strictTransportSecurity: false,
    overwrite: false,
  });
}

const ALLOWED_METHODS = 'GET, HEAD';

/** 405 for anything but GET and HEAD: there is no write endpoint. */
export function readOnlyMethods(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.text(`${c.req.method} is not allowed: this view of the archive is read-only\n`, 405, { Allow: ALLOWED_METHODS });
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** When bound to loopback: 421 for a Host header that names anything else (DNS rebinding). */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    // The request URL's host is the Host header as the server received it.
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)) return next();
    return c.text(`this server answers requests for localhost only, not for "${host}"\n`, 421);
  };
}
