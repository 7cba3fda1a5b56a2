import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createServeApp } from '../../src/serve/app.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { installedChromium, launchChromium, type Browser } from './chromium.js';

const executable = installedChromium();
if (!executable) console.warn('serve browser tests SKIPPED: no Chromium on PATH (install it: apt-get install chromium)');

/** A crawled title and text that would run script if they reached the page as markup. */
const TITLE = '<script>window.__pwned = "title"; alert("title")</script><img src=x onerror="window.__pwned=\'img\'">关于双减的通知';
const TEXT = '正文<script>window.__pwned = "text"</script>第一段。\n<svg onload="window.__pwned=\'svg\'">第二段。';

describe.skipIf(!executable)('serve in a real Chromium', () => {
  let test: TestArchive;
  let db: Db;
  let server: RunningServer;
  let browser: Browser;
  let ids: { hostile: string; plan: string };

  beforeAll(async () => {
    test = openTestArchive();
    const run = test.run(['alpha']);
    test.record(
      snapshot('http://alpha.example/hostile.html', {
        title: TITLE,
        text: TEXT,
        publishedDate: '2024-01-10',
        fields: { publisher: '<b onmouseover="x()">局</b>' },
      }),
      run,
    );
    test.record(snapshot('http://alpha.example/plan.html', { title: '工作计划', text: '总体要求。\n主要任务。', publishedDate: '2024-02-01' }), run);
    test.record(
      snapshot('http://alpha.example/plan.html', {
        title: '工作计划',
        text: '总体要求。\n主要任务（修订）。\n<script>window.__pwned="diff"</script>新增。',
        publishedDate: '2024-02-01',
      }),
      run,
    );
    test.finish(run);
    const id = (url: string) => test.db.prepare('SELECT id FROM documents WHERE url = ?').pluck().get(url) as string;
    ids = { hostile: id('http://alpha.example/hostile.html'), plan: id('http://alpha.example/plan.html') };
    db = openDatabase(test.databasePath, { readonly: true });
    const app = createServeApp({ db, log: captureLog().logger, sources: [{ id: 'alpha', name: '甲区教育局' }], alerts: [] }, { loopbackOnly: true });
    server = await startServer(app, '127.0.0.1', 0);
    browser = await launchChromium(executable!);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
    test?.close();
  });

  /** Opens a page and records what must never happen on it: a dialog, a CSP violation, a page error. */
  async function open(path: string): Promise<{ page: Page; incidents: string[] }> {
    const page = await browser.context.newPage();
    const incidents: string[] = [];
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
    });
    const response = await page.goto(`${server.url}${path.replace(/^\//, '')}`);
    expect(response?.status(), path).toBe(200);
    return { page, incidents };
  }

  async function expectNothingRan(page: Page, incidents: string[]): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(incidents).toEqual([]);
  }

  it('search: renders hits with highlights; a <script> title is shown as text, not run', async () => {
    const { page, incidents } = await open(`/?q=${encodeURIComponent('双减')}`);
    expect(await page.locator('ol.hits li').count()).toBe(1);
    expect(await page.locator('ol.hits a.title').innerText()).toBe(TITLE);
    expect(await page.locator('ol.hits mark').first().innerText()).toBe('双减');
    // the stylesheet loaded under the CSP: marks are yellow
    expect(
      await page
        .locator('ol.hits mark')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(255, 229, 138)');
    await expectNothingRan(page, incidents);
    await page.close();
  });

  it('document: title, fields and text shown as text; nothing ran', async () => {
    const { page, incidents } = await open(`/documents/${ids.hostile}`);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.title()).toBe(`${TITLE} · bureau-watch`);
    expect(await page.locator('.text p').allInnerTexts()).toEqual([
      '正文<script>window.__pwned = "text"</script>第一段。',
      '<svg onload="window.__pwned=\'svg\'">第二段。',
    ]);
    expect(await page.locator('td', { hasText: '<b onmouseover' }).count()).toBe(1);
    await page.locator('td', { hasText: '<b onmouseover' }).hover();
    await expectNothingRan(page, incidents);
    await page.close();
  });

  it('diff: inline and side by side render the change; a <script> in the text stays text', async () => {
    const inline = await open(`/documents/${ids.plan}/diff?from=1&to=2`);
    expect(await inline.page.locator('.diff .line.del').allInnerTexts()).toEqual(['− 主要任务。']);
    expect(await inline.page.locator('.diff .line.add').allInnerTexts()).toEqual(['+ 主要任务（修订）。', '+ <script>window.__pwned="diff"</script>新增。']);
    expect(await inline.page.locator('.diff .line.del').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 236, 234)');
    await expectNothingRan(inline.page, inline.incidents);
    await inline.page.close();
    const side = await open(`/documents/${ids.plan}/diff?from=1&to=2&view=side`);
    expect(await side.page.locator('table.diff.side td.del').allInnerTexts()).toEqual(['主要任务。']);
    expect(await side.page.locator('table.diff.side td.add').count()).toBe(2);
    await expectNothingRan(side.page, side.incidents);
    await side.page.close();
  });

  it('source health: runs, a drawn chart and coverage', async () => {
    const { page, incidents } = await open('/sources/alpha');
    expect(await page.locator('h2').allInnerTexts()).toEqual(['Last runs', 'Documents over time', 'Field coverage']);
    expect(await page.locator('figure.chart rect.bar').count()).toBe(2);
    const box = await page.locator('figure.chart svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(
      await page
        .locator('figure.chart rect.bar')
        .first()
        .evaluate((el) => getComputedStyle(el).fill),
    ).toBe('rgb(31, 95, 168)');
    await expectNothingRan(page, incidents);
    await page.close();
  });

  it("the archived copy as text: the page's own script is shown, never run (sandbox)", async () => {
    const { page, incidents } = await open(`/documents/${ids.hostile}/versions/1/archived.txt`);
    expect(await page.locator('body').innerText()).toContain('<script>window.__pwned');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // Its console may note the favicon refused to the sandbox's opaque origin (same-origin resource policy).
    expect(incidents.filter((incident) => !incident.startsWith('console:'))).toEqual([]);
    await page.close();
  });
});
