/**
 * `try URL` through the compiled CLI, in an empty working directory that must stay empty: a document
 * page for a terminal, robots.txt's refusal, a page rendered by Chromium. Its other cases (a list page,
 * a failed fetch, headers, usage errors) run in process: try.test.ts.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowserExecutable } from '../../src/fetch/browser-executable.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { RECORD_PARAGRAPHS, recordPage } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const DOC = '/art/2024/3/5/art_1_1.html';
const TITLE = '关于规范行政执法的规定';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
  site.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', contentType: 'text/plain' });
  // The title carries a terminal escape (clear screen): the human output must not pass it on.
  site.routes.set(DOC, { body: recordPage({ title: `${TITLE}\u001b[2J`, validity: '废止' }) });
});
afterAll(() => site.close());

/** `try` in an empty working directory, which must stay empty: no database, no storage folder. */
async function tryCli(args: string[]): Promise<CliResult> {
  const cwd = tempDir('bw-try-');
  const result = await runCli(['try', ...args], { cwd, env: { BUREAU_WATCH_CONFIG: '' } });
  expect(readdirSync(cwd)).toEqual([]);
  return result;
}

/** Every `try` run below ends by checking that its working directory stayed empty. */
describe('try URL (the CLI)', () => {
  it('a document page for a terminal: title, dates, fields with the rule that found each, text; no escape of the site passes; exit 0', async () => {
    const result = await tryCli([`${site.baseUrl}${DOC}`]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.startsWith(`document  ${site.baseUrl}${DOC}\nHTTP 200`)).toBe(true);
    expect(out).toMatch(/title\s+meta:ArticleTitle\s+关于规范行政执法的规定\n/);
    expect(out).toMatch(/published\s+table:th-td\s+2024-03-05/);
    expect(out).toMatch(/validity\s+table:th-td\s+废止/);
    expect(out).toMatch(/效力状况\s+废止/);
    expect(out.trimEnd().endsWith(RECORD_PARAGRAPHS.join('\n'))).toBe(true);
    expect(out).not.toContain('\u001b');
  });

  it('honours robots.txt: a disallowed page is not fetched, said so, exit 1', async () => {
    const result = await tryCli([`${site.baseUrl}/private/page.html`]);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe(
      `bureau-watch: ${site.baseUrl}/robots.txt disallows ${site.baseUrl}/private/page.html for bureau-watch: the crawl would not fetch it\n`,
    );
    expect(site.hits('/private/page.html')).toEqual([]);
  });
});

const chromium = installedChromium();
if (!chromium) console.warn('try --browser test SKIPPED: no Chromium on PATH (install it: apt-get install chromium)');

describe.skipIf(!chromium)('try --browser (system Chromium)', () => {
  it('reads the page as rendered, and stdout holds the JSON alone (Crawlee logs nothing there)', async () => {
    const written = '<span id="w"></span><script>document.getElementById("w").textContent = "此段由脚本写入。";</script>';
    site.routes.set('/rendered.html', { body: recordPage({ title: TITLE, paragraphs: [written, ...RECORD_PARAGRAPHS] }) });
    const result = await tryCli([`${site.baseUrl}/rendered.html`, '--browser', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as { kind: string; document?: { text: string } };
    expect(outcome.kind).toBe('document');
    expect(outcome.document?.text).toContain('此段由脚本写入。');
  });
});

function installedChromium(): string | undefined {
  try {
    return findBrowserExecutable(undefined);
  } catch {
    return undefined;
  }
}
