/**
 * The web view as a Hono application: security middleware, then the pages, the archived copies,
 * the feeds and the JSON API. Built over a read-only connection; tests drive it in process with
 * `app.request()`, `serve` puts it behind a Node HTTP server (src/serve/server.ts).
 */
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { HTTPException } from 'hono/http-exception';
import { UsageError, errorMessage } from '../errors.js';
import type { ServeContext } from './context.js';
import { apiRoutes } from './routes/api.js';
import { archiveRoutes } from './routes/archive.js';
import { archivedRoutes } from './routes/archived.js';
import { documentRoutes } from './routes/documents.js';
import { feedRoutes } from './routes/feeds.js';
import { loopbackHostOnly, readOnlyMethods, securityHeaders } from './security.js';
import { STYLESHEET, STYLESHEET_PATH } from './stylesheet.js';
import { messagePage } from './views/layout.js';

export interface AppOptions {
  /** Answer only requests addressed to a loopback name (set when bound to loopback). */
  loopbackOnly: boolean;
  /** HTTP Basic credentials every request must bring (feeds and API too). @default none: open */
  credentials?: { user: string; password: string };
}

export function createServeApp(context: ServeContext, options: AppOptions): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  if (options.loopbackOnly) app.use(loopbackHostOnly());
  // Compared in constant time by Hono; a wrong or missing password is a 401 with the realm to ask for.
  if (options.credentials) app.use(basicAuth({ username: options.credentials.user, password: options.credentials.password, realm: 'bureau-watch' }));
  app.use(readOnlyMethods());
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  );
  // Browsers ask for it on every first visit: an empty answer instead of a 404 in their console.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  archiveRoutes(app, context);
  documentRoutes(app, context);
  archivedRoutes(app, context);
  feedRoutes(app, context);
  apiRoutes(app, context);
  app.notFound((c) => failure(c.req.path, 404, 'Not found', `nothing at ${c.req.path}`));
  app.onError((error, c) => {
    // The login's 401 carries the WWW-Authenticate header that makes a browser ask: answered as is.
    if (error instanceof HTTPException && error.status === 401) return error.getResponse();
    if (error instanceof HTTPException) return failure(c.req.path, error.status, 'Not found', error.message);
    if (error instanceof UsageError) return failure(c.req.path, 400, 'Bad request', error.message);
    context.log.error({ err: error, path: c.req.path }, 'serve: request failed');
    return failure(c.req.path, 500, 'Server error', `the request failed: ${errorMessage(error)}`);
  });
  return app;
}

/** An error answer: JSON `{ error }` under /api/ and for feeds, a short page elsewhere. */
function failure(path: string, status: 400 | 404 | 500 | HTTPException['status'], title: string, message: string): Response | Promise<Response> {
  if (path.startsWith('/api/') || path.startsWith('/feeds/')) {
    return Response.json({ error: message }, { status });
  }
  return Promise.resolve(messagePage(title, message)).then((page) => new Response(page, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
}
