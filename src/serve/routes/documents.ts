/** Document pages: the document at a version, its history, the diff of any two versions. */
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { documentHistory } from '../../archive/history.js';
import { FatalError } from '../../errors.js';
import { resolveDocument, versionCount } from '../../search/resolve-document.js';
import { toDocumentRecord } from '../../store/document-record.js';
import { documentOr404, versionOr404, type ServeContext } from '../context.js';
import { versionParam } from '../params.js';
import { documentPage } from '../views/document.js';
import { diffPage, historyPage, type DiffMode } from '../views/history.js';

export function documentRoutes(app: Hono, { db }: ServeContext): void {
  // A document named by id or URL (as `show` takes it): redirected to its page.
  app.get('/documents', (c) => {
    const id = c.req.query('id') ?? '';
    try {
      return c.redirect(`/documents/${resolveDocument(db, id).id}`, 303);
    } catch (error) {
      if (error instanceof FatalError) throw new HTTPException(404, { message: error.message });
      throw error;
    }
  });

  app.get('/documents/:id', (c) => {
    const doc = documentOr404(db, c.req.param('id'));
    const version = versionOr404(db, doc, versionParam(c, 'version') ?? doc.currentVersion);
    return c.html(documentPage({ record: toDocumentRecord(doc, version), version, versions: versionCount(db, doc.id) }));
  });

  app.get('/documents/:id/history', (c) => {
    const doc = documentOr404(db, c.req.param('id'));
    const history = documentHistory(db, doc.id);
    return c.html(historyPage(doc, history.at(-1)?.title ?? '', history));
  });

  app.get('/documents/:id/diff', (c) => {
    const doc = documentOr404(db, c.req.param('id'));
    const to = versionParam(c, 'to') ?? doc.currentVersion;
    const from = versionParam(c, 'from') ?? Math.max(1, to - 1);
    const mode: DiffMode = c.req.query('view') === 'side' ? 'side' : 'inline';
    const older = versionOr404(db, doc, from);
    const newer = versionOr404(db, doc, to);
    return c.html(diffPage({ doc, history: documentHistory(db, doc.id), older, newer, mode }));
  });
}
