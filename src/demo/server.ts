/**
 * A small loopback static file server: serves the bundled demo site for `bureau-watch demo`, and any
 * fixture folder for tests (over HTTPS too, for tests of certificates). It behaves like a plain
 * government web server: `text/html` with no charset (the crawler must find charsets itself),
 * ETag/Last-Modified with 304 answers, 404 pages.
 * Overrides let a test change what a path answers between crawls without restarting (URLs stay put),
 * and a handler may answer any request first (the tests' scripted routes, held pages and faults).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FatalError, errorMessage } from '../errors.js';

/** One answered request, in arrival order. */
export interface RequestLogEntry {
  method: string;
  /** Request target as sent: path and query. */
  path: string;
  /** The Host header. */
  host: string | undefined;
  status: number;
  userAgent: string | undefined;
  /** The conditional-request headers, when the client sent them. */
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/** What a path answers instead of its file. Keyed by path (with query, or without to match any query). */
export interface SiteOverride {
  /** Default 200. A 404 without a body gets the usual 404 page. */
  status?: number;
  /** Replacement body; a function receives the file's bytes (null when there is no file). */
  body?: string | Uint8Array | ((original: Buffer | null) => string | Uint8Array);
  /** Default: by file extension, as for files. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface StaticSiteOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS with this certificate and key (PEM). @default plain HTTP */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Read on every request, so callers may change it while the server runs. @default an empty map */
  overrides?: Map<string, SiteOverride>;
  /** Called with every answered request. @default none */
  onRequest?: (entry: RequestLogEntry, req: IncomingMessage) => void;
  /**
   * Answers a request before the site does: a reply (answered like an override, with validators and
   * 304s), 'answered' when it wrote the response itself, or undefined to let the site answer.
   * @default none
   */
  handle?: (req: IncomingMessage, res: ServerResponse) => SiteOverride | 'answered' | undefined | Promise<SiteOverride | 'answered' | undefined>;
}

export interface StaticSite {
  /** `http://127.0.0.1:PORT` (https with `tls`), no trailing slash. */
  baseUrl: string;
  requests: RequestLogEntry[];
  /** The live overrides map (the one passed in, or a new empty one). */
  overrides: Map<string, SiteOverride>;
  close(): Promise<void>;
}

/** The bundled site. Both src/demo/server.ts and dist/demo/server.js sit two levels below the repo root. */
export function demoSiteDir(): string {
  return fileURLToPath(new URL('../../src/demo/site/', import.meta.url));
}

/** The site's second edition, as changes to it (the demo's later passes): files/ and removed.json. */
export function demoSiteChangesDir(): string {
  return fileURLToPath(new URL('../../src/demo/site-changes/', import.meta.url));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head>' +
  '<body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p></body></html>';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

export async function startStaticSite(rootDir: string, options: StaticSiteOptions = {}): Promise<StaticSite> {
  const root = resolve(rootDir);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new FatalError(`static site root must be a directory; got ${root}`);
  const overrides = options.overrides ?? new Map<string, SiteOverride>();
  const requests: RequestLogEntry[] = [];

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void answer(req, res).catch(() => res.destroy());
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const handled = await options.handle?.(req, res);
    if (handled === 'answered') return void log(req, res.statusCode);
    const reply = await (handled ? handlerReply(req, root, handled) : replyTo(req, root, overrides)).catch((error: unknown): Reply =>
      textReply(500, `internal error: ${errorMessage(error)}`),
    );
    log(req, reply.status);
    res.writeHead(reply.status, reply.headers);
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
  function log(req: IncomingMessage, status: number): void {
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      host: req.headers.host,
      status,
      userAgent: req.headers['user-agent'],
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    };
    requests.push(entry);
    options.onRequest?.(entry, req);
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error) => rejectListen(new FatalError(`cannot listen on ${host}:${options.port ?? 0}: ${errorMessage(error)}`)));
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://${hostInUrl}:${port}`,
    requests,
    overrides,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

async function replyTo(req: IncomingMessage, root: string, overrides: Map<string, SiteOverride>): Promise<Reply> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const reply = textReply(405, 'method not allowed');
    return { ...reply, headers: { ...reply.headers, Allow: 'GET, HEAD' } };
  }
  const target = req.url ?? '/';
  const file = resolveTarget(root, target);
  if (file === null) return textReply(400, 'bad request path');
  const found = await readSiteFile(file);
  const override = overrides.get(target) ?? overrides.get(target.split('?')[0] as string);
  if (override) return overrideReply(req, override, file, found?.bytes ?? null);
  if (!found) return notFound();
  return contentReply(req, found.bytes, contentTypeFor(found.path), found.mtime);
}

/** A handler's reply, answered as an override of the file at the request's path. */
async function handlerReply(req: IncomingMessage, root: string, override: SiteOverride): Promise<Reply> {
  const file = resolveTarget(root, req.url ?? '/') ?? root;
  return overrideReply(req, override, file, (await readSiteFile(file))?.bytes ?? null);
}

/**
 * Maps a request target to a file path under root, or null when it tries to leave root
 * (`..` segments, encoded or not), holds a NUL, or is not origin-form.
 */
function resolveTarget(root: string, target: string): string | null {
  const rawPath = target.split(/[?#]/)[0] as string;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  if (decoded.split(/[\\/]/).includes('..')) return null;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return decoded.endsWith('/') ? join(file, 'index.html') : file;
}

async function readSiteFile(file: string): Promise<{ path: string; bytes: Buffer; mtime: Date } | null> {
  let info = await stat(file).catch(() => null);
  let path = file;
  if (info?.isDirectory()) {
    path = join(file, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return null;
  return { path, bytes: await readFile(path), mtime: info.mtime };
}

function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** A 200 with validators, or a 304 when the client's validators still hold. */
function contentReply(req: IncomingMessage, bytes: Buffer, contentType: string, mtime?: Date): Reply {
  const headers: Record<string, string> = { ETag: etagOf(bytes) };
  if (mtime) headers['Last-Modified'] = mtime.toUTCString();
  if (isNotModified(req, headers.ETag as string, mtime)) return { status: 304, headers };
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) },
    body: bytes,
  };
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; HTTP dates have whole seconds. */
function isNotModified(req: IncomingMessage, etag: string, mtime?: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const trimmed = tag.trim();
      return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
    });
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (!ifModifiedSince || !mtime) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

/** Overridden bodies carry an ETag but no Last-Modified: the file's mtime no longer describes them. */
function overrideReply(req: IncomingMessage, override: SiteOverride, file: string, original: Buffer | null): Reply {
  const status = override.status ?? 200;
  const contentType = override.contentType ?? contentTypeFor(file);
  const raw = typeof override.body === 'function' ? override.body(original) : override.body;
  let reply: Reply;
  if (raw === undefined && status === 404) reply = notFound();
  else if (raw === undefined && status === 200 && original) reply = contentReply(req, original, contentType);
  else {
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw ?? new Uint8Array());
    reply =
      status === 200
        ? contentReply(req, bytes, contentType)
        : { status, headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) }, body: bytes };
  }
  return { ...reply, headers: { ...reply.headers, ...override.headers } };
}

function notFound(): Reply {
  const body = Buffer.from(NOT_FOUND_PAGE, 'utf8');
  return { status: 404, headers: { 'Content-Type': 'text/html', 'Content-Length': String(body.byteLength) }, body };
}

function textReply(status: number, message: string): Reply {
  const body = Buffer.from(`${message}\n`, 'utf8');
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.byteLength) },
    body,
  };
}
