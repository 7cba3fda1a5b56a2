import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryJson, tryLines } from '../../src/cli/try-output.js';
import { validateConfig } from '../../src/config/load.js';
import { tryPage, type TryResult } from '../../src/crawl/try-page.js';
import { resolveSiteAccess } from '../../src/fetch/site-access.js';
import type { CliResult } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { TEST_USER_AGENT } from '../helpers/crawl.js';
import { listPage, RECORD_PARAGRAPHS, recordPage } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const LIST = '/col/col1/index.html';
const DOC = '/art/2024/3/5/art_1_1.html';
const TITLE = '关于规范行政执法的规定';
const OPTIONS = { userAgent: TEST_USER_AGENT, fetch: validateConfig({ fetch: { maxRetries: 0 } }).fetch, access: resolveSiteAccess() };

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
  site.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', contentType: 'text/plain' });
  site.routes.set(LIST, {
    body: listPage(
      [
        { href: DOC, title: TITLE, date: '2024-03-05' },
        { href: 'https://other.example/art/2024/1/1/art_9_9.html', title: '别处的文章', date: '2024-01-01' },
      ],
      '<a href="index_2.html">下一页</a>',
    ),
  });
  site.routes.set(DOC, { body: recordPage({ title: TITLE, validity: '废止' }) });
  site.routes.set('/redirect.html', { status: 302, headers: { location: '/private/moved.html' } });
  site.routes.set('/echo.html', (req) => ({ body: recordPage({ title: `请求头${String(req.headers['x-probe'] ?? '无')}`, paragraphs: RECORD_PARAGRAPHS }) }));
  site.route('/reset.html', (req) => void req.socket.destroy());
});
afterAll(() => site.close());

async function readable(path: string): Promise<TryResult> {
  const outcome = await tryPage(`${site.baseUrl}${path}`, OPTIONS);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe("tryPage: one page through the crawl's fetch and page processing", () => {
  it('a document: the record the crawl would archive, with provenance', async () => {
    const outcome = await readable(DOC);
    expect(tryJson(`${site.baseUrl}${DOC}`, outcome)).toMatchObject({
      status: 200,
      kind: 'document',
      charset: 'utf-8',
      robots: 'rules (HTTP 200)',
      document: {
        title: TITLE,
        publishedDate: '2024-03-05',
        text: RECORD_PARAGRAPHS.join('\n'),
        fields: { validity: '废止', docNo: '某司发〔2024〕3号', writtenDate: '2024-03-01' },
        provenance: { title: 'meta:ArticleTitle', 'fields.validity': 'table:th-td', text: 'zoom-box' },
      },
    });
    const lines = tryLines(outcome).join('\n');
    expect(lines).toMatch(/published\s+table:th-td\s+2024-03-05/);
    expect(lines).toMatch(/validity\s+table:th-td\s+废止/);
    expect(lines).toContain('Text (3 paragraphs');
  });

  it('a list page: the links a source starting there would follow, the rest counted', async () => {
    const outcome = await readable(LIST);
    expect(tryJson(`${site.baseUrl}${LIST}`, outcome)).toMatchObject({
      kind: 'list',
      list: { kind: 'list', items: [`${site.baseUrl}${DOC}`], lists: [], next: [{ url: `${site.baseUrl}/col/col1/index_2.html` }], outOfScope: 4 },
    });
    const lines = tryLines(outcome).join('\n');
    expect(lines).toContain(`Document links (1)\n  ${site.baseUrl}${DOC}\n`);
    expect(lines).toContain(`Next page (1)\n  ${site.baseUrl}/col/col1/index_2.html\n`);
    expect(lines).toContain('4 more links left out');
  });

  it('robots.txt: a disallowed page is never requested, nor a redirect into what it disallows', async () => {
    const disallowed = await tryPage(`${site.baseUrl}/private/page.html`, OPTIONS);
    expect(disallowed).toMatchObject({ ok: false, reason: 'robots-disallowed' });
    expect(site.hits('/private/page.html')).toEqual([]);
    const redirected = await tryPage(`${site.baseUrl}/redirect.html`, OPTIONS);
    expect(redirected).toMatchObject({ ok: false, reason: 'redirect-not-followed' });
    expect(site.hits('/private/moved.html')).toEqual([]);
  });

  it('an HTTP error is no page: failure with the status', async () => {
    expect(await tryPage(`${site.baseUrl}/missing.html`, OPTIONS)).toMatchObject({
      ok: false,
      reason: 'http-404',
      message: expect.stringContaining('answered HTTP 404'),
    });
  });
});

/** The command, run in process (src/cli/run.ts); try.process.test.ts runs the compiled CLI in an empty directory. */
describe('try URL (the command, in process)', () => {
  it('a list page, --json: the document links and the next page', async () => {
    const result = await tryInProcess([`${site.baseUrl}${LIST}`, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'list',
      list: { items: [`${site.baseUrl}${DOC}`], next: [{ url: `${site.baseUrl}/col/col1/index_2.html` }] },
    });
  });

  it('a failed fetch exits 1 with the classified access error (on stderr, and under "error" with --json)', async () => {
    const result = await tryInProcess([`${site.baseUrl}/reset.html`, '--json', '--config', configFile({ fetch: { maxRetries: 0 } })]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toMatchObject({ reason: 'connection-reset' });
    expect(result.stderr).toMatch(/^bureau-watch: .*reset/);
  });

  it('sends the User-Agent of a given config, and its headers with the flags over them', async () => {
    const config = configFile({ userAgent: `${TEST_USER_AGENT} try`, headers: { 'X-Probe': 'config', 'X-Other': 'kept' } });
    const result = await tryInProcess([`${site.baseUrl}/echo.html`, '--json', '--config', config, '--header', 'X-Probe: flag']);
    expect(JSON.parse(result.stdout).document.title).toBe('请求头flag');
    expect(site.hits('/echo.html').at(-1)!.userAgent).toBe(`${TEST_USER_AGENT} try`);
  });

  it('usage errors exit 2: no URL, not http(s), a malformed flag', async () => {
    expect((await runCliInProcess(['try'])).code).toBe(2);
    const ftp = await runCliInProcess(['try', 'ftp://127.0.0.1/x']);
    expect([ftp.code, ftp.stderr]).toEqual([2, 'bureau-watch: try: expected an http(s) URL, got a ftp: URL\n']);
    const header = await runCliInProcess(['try', `${site.baseUrl}${DOC}`, '--header', 'no-colon']);
    expect([header.code, header.stderr]).toEqual([2, 'bureau-watch: --header: expected "Name: value", got "no-colon"\n']);
  });
});

/** `bureau-watch try ARGS` in process, with no config file unless --config names one. */
function tryInProcess(args: string[]): Promise<CliResult> {
  return runCliInProcess(['try', ...args], { env: { BUREAU_WATCH_CONFIG: '' } });
}

/** A config file in a temp directory. */
function configFile(config: Record<string, unknown>): string {
  const path = join(tempDir('bw-try-config-'), 'config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}
