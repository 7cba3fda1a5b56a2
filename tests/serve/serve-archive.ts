/**
 * The archive the web view's tests read: two sources, a document with a hostile title and text (a
 * <script>, an onerror image, a javascript: attachment), one with two versions (for history and
 * diff), alert `new-plan`, a finished run; and the app over a read-only connection to it, as
 * `serve` builds it.
 */
import type { Hono } from 'hono';
import { onTestFinished } from 'vitest';
import { createServeApp, type AppOptions } from '../../src/serve/app.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { captureLog, type CapturedLog } from '../helpers/log.js';

export const HOSTILE_TITLE = '<script>window.__pwned = "title"</script>关于<b>双减</b>工作的通知';
export const HOSTILE_TEXT = '第一段<img src=x onerror="window.__pwned = \'text\'">双减\n第二段 "quoted" & <i>ampersand</i>';
export const PLAN_URL = 'http://alpha.example/art/2024/plan.html';
export const HOSTILE_URL = 'http://alpha.example/art/2024/hostile.html';

export interface ServeArchive {
  test: TestArchive;
  /** The read-only connection the app reads. */
  db: Db;
  app: Hono;
  log: CapturedLog;
  hostileId: string;
  planId: string;
}

/** Builds the archive (inside a test: removed when it ends). */
export function serveArchive(appOptions: Partial<AppOptions> = {}): ServeArchive {
  const test = openTestArchive({ alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '计划' }] });
  const run = test.run(['alpha', 'beta']);
  test.record(
    snapshot(HOSTILE_URL, {
      title: HOSTILE_TITLE,
      text: HOSTILE_TEXT,
      publishedDate: '2024-02-01',
      fields: { publisher: '<script>alert("publisher")</script>教育局', indexNo: '014/2024-001' },
      labels: { 发布机构: '<script>alert("label")</script>教育局' },
      attachments: [
        { url: 'javascript:window.__pwned="attachment"', name: '附件<script>.pdf' },
        { url: 'http://alpha.example/files/a.pdf', name: '方案.pdf' },
      ],
      provenance: { title: 'h1', publishedDate: 'label:发布日期', 'fields.publisher': 'label:发布机构', text: 'content-box' },
      rawBody: new TextEncoder().encode('<html><body><script>window.__pwned = "archived"</script>原网页</body></html>'),
    }),
    run,
  );
  test.record(
    snapshot(PLAN_URL, { title: '2024年工作计划', text: '总体要求。\n主要任务一。\n保障措施。', publishedDate: '2024-03-05', fields: { validity: '有效' } }),
    run,
  );
  test.record(
    snapshot('http://beta.example/art/1.html', { source: 'beta', title: '乙局通知', text: '乙局的正文，关于招生。', publishedDate: '2023-11-20' }),
    run,
  );
  test.record(
    snapshot(PLAN_URL, {
      title: '2024年工作计划（修订）',
      text: '总体要求。\n主要任务一（修订）。\n新增任务二。\n保障措施。',
      publishedDate: '2024-03-05',
      fields: { validity: '失效' },
    }),
    run,
  );
  test.finish(run, { alpha: 1 });
  const id = (url: string) => test.db.prepare('SELECT id FROM documents WHERE url = ?').pluck().get(url) as string;
  const db = openDatabase(test.databasePath, { readonly: true });
  onTestFinished(() => void (db.open && db.close()));
  const log = captureLog();
  const app = createServeApp(
    {
      db,
      log: log.logger,
      alerts: ['new-plan', 'quiet-rule'],
      sources: [
        { id: 'alpha', name: '甲区教育局' },
        { id: 'beta', name: '乙区教育局' },
      ],
    },
    { loopbackOnly: true, ...appOptions },
  );
  return { test, db, app, log, hostileId: id(HOSTILE_URL), planId: id(PLAN_URL) };
}

/** GET a path of the app; the body as text. */
export async function get(app: Hono, path: string, init: RequestInit = {}): Promise<{ response: Response; body: string }> {
  const response = await app.request(path, init);
  return { response, body: await response.text() };
}
