/**
 * The archived copy of a version: the raw body as the site sent it, from the blob store. An archived
 * page is the site's code: it must never run in this origin (it could read the whole archive
 * through the API). So it is served under `Content-Security-Policy: sandbox` (a unique origin, no
 * script, no forms) and either as a download (`Content-Disposition: attachment`, its own content
 * type) or as plain text, never as a page of ours.
 */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getBlob } from '../../store/blobs.js';
import type { VersionRow } from '../../store/records.js';
import { documentOr404, versionOr404, type ServeContext } from '../context.js';

const SANDBOX = 'sandbox';
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
const CHARSET = /^[a-z0-9_.:-]{1,40}$/i;

export function archivedRoutes(app: Hono, { db }: ServeContext): void {
  app.get('/documents/:id/versions/:version/archived', (c) => {
    const { version, body } = archivedBody(c, db);
    const mediaType = originalMediaType(version);
    return archivedResponse(body, {
      'Content-Type': charsetOf(version) && mediaType.startsWith('text/') ? `${mediaType}; charset=${charsetOf(version)}` : mediaType,
      'Content-Disposition': `attachment; filename="${version.documentId}-v${version.version}${extension(mediaType)}"`,
    });
  });

  app.get('/documents/:id/versions/:version/archived.txt', (c) => {
    const { version, body } = archivedBody(c, db);
    // The bytes as they came, shown as text in the charset the crawl decoded them with.
    return archivedResponse(body, { 'Content-Type': `text/plain; charset=${charsetOf(version) ?? 'utf-8'}` });
  });
}

function archivedBody(c: Context, db: ServeContext['db']): { version: VersionRow; body: Buffer } {
  const doc = documentOr404(db, c.req.param('id') ?? '');
  const number = Number(c.req.param('version'));
  if (!Number.isInteger(number) || number < 1) throw new HTTPException(404, { message: `no version "${c.req.param('version')}"` });
  const version = versionOr404(db, doc, number);
  const body = getBlob(db, version.rawHash);
  if (!body) throw new HTTPException(404, { message: `the raw body of version ${number} is not in the archive` });
  return { version, body };
}

function archivedResponse(body: Buffer, headers: Record<string, string>): Response {
  return new Response(new Uint8Array(body), {
    headers: { ...headers, 'Content-Security-Policy': SANDBOX, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' },
  });
}

/** The media type the site declared (checked: a header value is the site's too), else octet-stream. */
function originalMediaType(version: VersionRow): string {
  const declared = Object.entries(version.responseHeaders).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const mediaType = declared.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(mediaType) ? mediaType : 'application/octet-stream';
}

function charsetOf(version: VersionRow): string | undefined {
  return CHARSET.test(version.charset) ? version.charset : undefined;
}

function extension(mediaType: string): string {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return '.html';
  if (mediaType === 'application/json') return '.json';
  if (mediaType.startsWith('text/')) return '.txt';
  return '.bin';
}
