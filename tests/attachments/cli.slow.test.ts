/**
 * The CLI over an archive with attachments: search says which attachment matched, show prints the
 * files and `--json` their text, export writes the files, history names the changed attachment. Crawled
 * and read in process (src/cli/run.ts); the compiled CLI reads attachments in
 * tests/pipeline/demo-command.process.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { crawlConfig, MONTH_BETWEEN_CRAWLS_MS } from '../helpers/crawl.js';
import { captureLog } from '../helpers/log.js';
import { docPath } from '../helpers/pages.js';
import { startTestSite, type TestSite } from '../helpers/site.js';
import { cidFontPdf } from './helpers/pdf-writer.js';
import { inProcessReader } from './helpers/read.js';
import { PHRASES, serveFile, serveNotices, standardFiles } from './helpers/notice-site.js';

let site: TestSite;
let dir: string;
let configPath: string;
const pdf = { path: '/files/yaodian.pdf', linkText: '1.2025年工作要点.pdf', bytes: cidFontPdf(['一、总体要求', '二、加强课后服务']) };
const replaced = cidFontPdf(['一、总体要求', '二、全面推进课后服务提质']);
const docx = standardFiles()[2]!;
let documentUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bw-att-cli-'));
  site = await startTestSite();
  documentUrl = `${site.baseUrl}${docPath(1)}`;
  const column = serveNotices(site, [{ path: docPath(1), title: '关于印发2025年工作要点的通知', files: [pdf, docx] }]);
  const config = crawlConfig(join(dir, 'archive.db'), { sources: [{ id: 'att', startUrls: [column] }] });
  configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify({ database: config.database }));
  const db = openDatabase(config.database);
  const reader = inProcessReader();
  await runCrawl(db, config, config.sources, captureLog().logger, { attachmentReader: reader });
  serveFile(site, { ...pdf, bytes: replaced });
  // A month later: the document is due for its check.
  await runCrawl(db, config, config.sources, captureLog().logger, { attachmentReader: reader, now: new Date(Date.now() + MONTH_BETWEEN_CRAWLS_MS) });
  db.close();
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI over attachments', () => {
  it('search finds a phrase inside an attachment and says which one', async () => {
    const text = await runCliInProcess(['search', PHRASES.docx, '--config', configPath]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('in attachment 2: 集团化办学.docx');
    expect(text.stdout).toContain(`[${PHRASES.docx}]`);
    const json = await runCliInProcess(['search', '全面推进课后服务提质', '--json', '--config', configPath]);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ url: documentUrl, matchedAttachment: { position: 0, name: '1.2025年工作要点.pdf', url: `${site.baseUrl}${pdf.path}` } }),
    ]);
  });

  it('show prints each file, and --json its text; history names the replaced attachment', async () => {
    const shown = await runCliInProcess(['show', documentUrl, '--config', configPath]);
    expect(shown.stdout).toMatch(/1\.2025年工作要点\.pdf {2}\S+ {2}\(ok, application\/pdf, \d+ bytes, \d+ characters\)/);
    const json = JSON.parse((await runCliInProcess(['show', documentUrl, '--json', '--config', configPath])).stdout);
    expect(json.attachments[0]).toMatchObject({ sha256: createHash('sha256').update(replaced).digest('hex'), status: 'ok', textLayer: true });
    expect(json.attachments[0].text).toContain('全面推进课后服务提质');
    const history = await runCliInProcess(['history', documentUrl, '--config', configPath]);
    expect(history.stdout).toContain('attachment 1.2025年工作要点.pdf changed: +1/-1 paragraphs');
  });

  it('export --attachments writes the files beside the records', async () => {
    const out = join(dir, 'export');
    const result = await runCliInProcess(['export', '--attachments', out, '--out', join(dir, 'records.jsonl'), '--config', configPath]);
    expect(result.code).toBe(0);
    const sha = createHash('sha256').update(docx.bytes).digest('hex');
    expect(readdirSync(out)).toContain(`${sha}.docx`);
    expect(readFileSync(join(out, 'index.jsonl'), 'utf8')).toContain(`"file":"${sha}.docx"`);
    expect(JSON.parse(readFileSync(join(dir, 'records.jsonl'), 'utf8')).attachments[1].sha256).toBe(sha);
  });
});
