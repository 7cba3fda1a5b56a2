/** Atom feeds of the events, served: everything, one source's, one alert rule's (the same feeds `export --format atom` writes). */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { alertWasRaised, readSourceName, type FeedScope } from '../../export/atom-events.js';
import { atomFeedXml } from '../../export/atom.js';
import type { ServeContext } from '../context.js';
import { positiveInteger } from '../params.js';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
const MAX_ENTRIES = 500;

export function feedRoutes(app: Hono, context: ServeContext): void {
  const { db } = context;
  app.get('/feeds/all.atom', (c) => feed(c, context, {}, '/'));

  app.get('/feeds/sources/:file{[^/]+\\.atom}', (c) => {
    const sourceId = c.req.param('file').slice(0, -'.atom'.length);
    if (readSourceName(db, sourceId) === null) throw new HTTPException(404, { message: `no source "${sourceId}" in the archive` });
    return feed(c, context, { sourceId }, `/sources/${encodeURIComponent(sourceId)}`);
  });

  app.get('/feeds/alerts/:file{[^/]+\\.atom}', (c) => {
    const alert = c.req.param('file').slice(0, -'.atom'.length);
    if (!context.alerts.includes(alert) && !alertWasRaised(db, alert)) {
      throw new HTTPException(404, { message: `no alert rule "${alert}" in the config and no event raised it` });
    }
    return feed(c, context, { alert }, '/events');
  });
}

function feed(c: Context, { db }: ServeContext, scope: FeedScope, alternatePath: string): Response {
  const self = new URL(c.req.url);
  const { xml } = atomFeedXml(db, scope, {
    limit: positiveInteger(c, 'limit', 100, MAX_ENTRIES),
    selfUrl: `${self.origin}${self.pathname}`,
    alternateUrl: `${self.origin}${alternatePath}`,
  });
  return c.body(xml, 200, { 'Content-Type': ATOM_CONTENT_TYPE });
}
