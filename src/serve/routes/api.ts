/**
 * The JSON API: the CLI's `--json` outputs over HTTP, same shapes (search, show, history, events,
 * stats), read by the same functions. Parameters are named after the CLI's flags.
 */
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { documentHistory } from '../../archive/history.js';
import { FatalError, UsageError } from '../../errors.js';
import { publicEvent } from '../../events/event.js';
import { eventExists, listEvents } from '../../events/outbox.js';
import { resolveDocument } from '../../search/resolve-document.js';
import { searchDocuments } from '../../search/search.js';
import { PLAIN_MARKS } from '../../search/snippet.js';
import { collectStats } from '../../stats/stats.js';
import type { Db } from '../../store/database.js';
import { toDocumentRecord } from '../../store/document-record.js';
import type { DocumentRow } from '../../store/records.js';
import { versionOr404, type ServeContext } from '../context.js';
import { eventTypeParam, positiveInteger, searchParams, versionParam } from '../params.js';

/** Events per response at most; the `Link: rel="next"` header names the next page. */
const EVENTS_PAGE = 1_000;

export function apiRoutes(app: Hono, context: ServeContext): void {
  const { db } = context;

  app.get('/api/search', (c) => {
    const params = searchParams(c);
    if (!params.query.trim()) throw new UsageError('q (the words to find) is required');
    const hits = searchDocuments(db, params.query, { ...params, marks: PLAIN_MARKS });
    return c.json(hits.map(({ record, snippet }) => ({ ...record, snippet })));
  });

  app.get('/api/show', (c) => {
    const doc = documentByIdOrUrl(db, c.req.query('id'));
    const version = versionOr404(db, doc, versionParam(c, 'version') ?? doc.currentVersion);
    return c.json({ ...toDocumentRecord(doc, version), provenance: version.provenance });
  });

  app.get('/api/history', (c) => c.json(documentHistory(db, documentByIdOrUrl(db, c.req.query('id')).id)));

  app.get('/api/events', (c) => {
    const since = c.req.query('since') || undefined;
    const type = eventTypeParam(c);
    const limit = positiveInteger(c, 'limit', EVENTS_PAGE, EVENTS_PAGE);
    if (since !== undefined && !eventExists(db, since)) throw new UsageError(`since: no event with id "${since}" in the archive`);
    const events = listEvents(db, { ...(since ? { sinceId: since } : {}), ...(type ? { type } : {}), limit });
    const last = events.at(-1);
    if (last && events.length === limit) {
      const next = new URLSearchParams({ since: last.id, ...(type ? { type } : {}), limit: String(limit) });
      c.header('Link', `</api/events?${next.toString()}>; rel="next"`);
    }
    return c.json(events.map(publicEvent));
  });

  app.get('/api/stats', (c) => c.json(collectStats(db, context.sources)));
}

/** `show`'s lookup (an id, or a URL in any spelling the archive canonicalises); a 404 when absent. */
function documentByIdOrUrl(db: Db, idOrUrl: string | undefined): DocumentRow {
  if (!idOrUrl) throw new UsageError('id (a document id or URL) is required');
  try {
    return resolveDocument(db, idOrUrl);
  } catch (error) {
    if (error instanceof FatalError && !(error instanceof UsageError)) throw new HTTPException(404, { message: error.message });
    throw error;
  }
}
