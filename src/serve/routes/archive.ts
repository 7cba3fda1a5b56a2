/** Archive-wide pages: search (the home page), the event stream, source health. */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { searchDocuments } from '../../search/search.js';
import { collectStats } from '../../stats/stats.js';
import type { ServeContext } from '../context.js';
import { eventTypeParam, positiveInteger, searchParams } from '../params.js';
import { documentsByMonth, eventsNewestFirst, listSources, runsOfSource } from '../queries.js';
import { snippetMarks } from '../views/html.js';
import { eventsPage } from '../views/events.js';
import { sourceHealthPage, sourcesPage } from '../views/health.js';
import { searchPage } from '../views/search.js';

/** Events per page of the stream, and runs on a source's page. */
const EVENTS_PER_PAGE = 50;
const RUNS_SHOWN = 10;

export function archiveRoutes(app: Hono, context: ServeContext): void {
  const { db } = context;
  const search = (c: Context) => {
    const params = searchParams(c);
    const marks = snippetMarks();
    const hits = params.query.trim() ? searchDocuments(db, params.query, { ...params, marks }) : undefined;
    return c.html(searchPage({ params, sources: listSources(db), marks, ...(hits ? { hits } : {}) }));
  };
  app.get('/', search);
  app.get('/search', search);

  app.get('/events', (c) => {
    const type = eventTypeParam(c);
    const before = c.req.query('before') ? positiveInteger(c, 'before', 1) : undefined;
    const page = eventsNewestFirst(db, { limit: EVENTS_PER_PAGE, ...(type ? { type } : {}), ...(before ? { before } : {}) });
    return c.html(eventsPage(page, type));
  });

  app.get('/sources', (c) => c.html(sourcesPage(collectStats(db, context.sources))));

  app.get('/sources/:id', (c) => {
    const id = c.req.param('id');
    const stats = collectStats(db, context.sources).find((source) => source.source === id);
    if (!stats) throw new HTTPException(404, { message: `no source "${id}" in the config or the archive` });
    const { months, undated } = documentsByMonth(db, id);
    return c.html(sourceHealthPage({ stats, runs: runsOfSource(db, id, RUNS_SHOWN), months, undated }));
  });
}
