/**
 * A crawl with attachments, by the compiled CLI (`dist/`, built here: workers started from the
 * TypeScript sources would load every library through tsx): a loopback column of notices, each
 * linking a 20-page PDF in a non-embedded CID font and a 2,000-paragraph DOCX, every file distinct.
 * Crawled three ways into fresh archives or the same one: links only (`attachments.fetch: false`),
 * with attachments, and again unchanged (conditional GETs of every file, nothing read).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startStaticSite, type SiteOverride } from '../../src/demo/server.js';
import { makeDocx } from '../../tests/attachments/helpers/office-writers.js';
import { REPO_ROOT, runChild, type ChildMeasure } from '../child.js';
import { benchFile } from './files.js';

const sentence = (i: number) => `第${i}条 各学校要落实立德树人根本任务，推进义务教育优质均衡发展，建设高质量教育体系。`;

/** The notices' pages and files, keyed by path. */
function siteFiles(notices: number): { overrides: Map<string, SiteOverride>; fileBytes: number } {
  const overrides = new Map<string, SiteOverride>();
  const pdf = Buffer.from(benchFile('pdf-cid'));
  const paragraphs = Array.from({ length: 2_000 }, (_, i) => sentence(i));
  let fileBytes = 0;
  const items: string[] = [];
  for (let n = 1; n <= notices; n++) {
    const path = `/art/2025/3/10/art_9001_${n}.html`;
    items.push(`<li><a href="${path}">关于印发第${n}号工作方案的通知</a><span>2025-03-10</span></li>`);
    // Distinct bytes per notice (a comment after %%EOF; one more paragraph), the same reading work.
    const files = [Buffer.concat([pdf, Buffer.from(`\n% notice ${n}\n`)]), Buffer.from(makeDocx([...paragraphs, `编号${n}`]))];
    files.forEach((bytes, i) => overrides.set(`/files/${n}.${i === 0 ? 'pdf' : 'docx'}`, { body: bytes, contentType: 'application/octet-stream' }));
    fileBytes += files[0]!.byteLength + files[1]!.byteLength;
    overrides.set(path, { body: noticePage(n), contentType: 'text/html; charset=utf-8' });
  }
  overrides.set('/col/att/index.html', {
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul class="list">${items.join('')}</ul></body></html>`,
    contentType: 'text/html; charset=utf-8',
  });
  return { overrides, fileBytes };
}

function noticePage(n: number): string {
  const title = `关于印发第${n}号工作方案的通知`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta name="ArticleTitle" content="${title}"><meta name="PubDate" content="2025-03-10">
</head><body><h1>${title}</h1><div id="zoom"><p>各学校：现将第${n}号工作方案印发给你们，请结合实际认真贯彻落实。工作方案及任务分解表见附件。</p>
<p>请各校于本月底前将落实情况报送区教育局办公室。联系人：王老师，电话：0510-8500${String(n).padStart(4, '0')}。</p></div>
<p>附件：<a href="/files/${n}.pdf">1.第${n}号工作方案.pdf</a></p><p><a href="/files/${n}.docx">2.第${n}号任务分解表.docx</a></p></body></html>`;
}

function writeConfig(dir: string, startUrl: string, fetchAttachments: boolean): string {
  const path = join(dir, `bench-${fetchAttachments ? 'with' : 'without'}.yaml`);
  writeFileSync(
    path,
    [
      `database: ${join(dir, fetchAttachments ? 'with.db' : 'without.db')}`,
      `storageDir: ${join(dir, 'storage')}`,
      `attachments: { fetch: ${fetchAttachments} }`,
      'sources:',
      '  - id: bench-att',
      `    startUrls: ["${startUrl}"]`,
      '    maxRequestsPerMinute: 1000000',
      '    maxConcurrencyPerHost: 4',
      '',
    ].join('\n'),
  );
  return path;
}

const crawl = (configPath: string, ...flags: string[]): Promise<ChildMeasure> =>
  runChild({ args: ['dist/cli/main.js', 'crawl', '--config', configPath, ...flags] });
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Runs the three crawls; returns report lines. */
export async function runAttachmentCrawlBench(notices: number, say: (line: string) => void): Promise<string[]> {
  say('running: build of dist/ for the attachment crawl …');
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'tsconfig.json')]);
  const { overrides, fileBytes } = siteFiles(notices);
  const site = await startStaticSite(mkdtempSync(join(tmpdir(), 'bw-bench-att-site-')), { host: '127.0.0.2', overrides });
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-att-'));
  try {
    const startUrl = `${site.baseUrl}/col/att/index.html`;
    say(`running: crawl of ${notices} notices, links only …`);
    const without = await crawl(writeConfig(dir, startUrl, false));
    say(`running: crawl of ${notices} notices with ${notices * 2} attachments (${(fileBytes / 1e6).toFixed(1)} MB) …`);
    const configWith = writeConfig(dir, startUrl, true);
    const first = await crawl(configWith);
    const read = readCounts(join(dir, 'with.db'));
    const servedBefore = site.requests.length;
    say('running: unchanged re-crawl with attachments …');
    // Every notice asked again (as before the revisit schedule): each file's validators are what is measured.
    const again = await crawl(configWith, '--revisit-all');
    const reAsked = site.requests.slice(servedBefore).filter((r) => r.path.startsWith('/files/'));
    const extraSeconds = first.wallSeconds - without.wallSeconds;
    return [
      `crawl with attachments (compiled CLI, \`bench/attachments/crawl-bench.ts\`): ${notices} notices, each linking a 20-page PDF in a non-embedded CID font (${(benchFile('pdf-cid').byteLength / 1024).toFixed(0)} KB) and a 2,000-paragraph DOCX; ${notices * 2} distinct files, ${(fileBytes / 1e6).toFixed(1)} MB, ${read.characters} characters read (${read.ok} files ok), attachments.concurrency 2.`,
      `links only (\`attachments.fetch: false\`): ${without.wallSeconds.toFixed(2)} s, peak RSS ${mb(without.peakRssBytes)} MB, CPU ${without.cpuSeconds.toFixed(1)} s.`,
      `with attachments: ${first.wallSeconds.toFixed(2)} s, peak RSS ${mb(first.peakRssBytes)} MB (reading workers included), CPU ${first.cpuSeconds.toFixed(1)} s; ` +
        `the attachments added ${extraSeconds.toFixed(2)} s: ${(fileBytes / 1e6 / extraSeconds).toFixed(2)} MB/s, ${((notices * 2) / extraSeconds).toFixed(1)} files/s end to end (fetch, read, store).`,
      `unchanged re-crawl with attachments: ${again.wallSeconds.toFixed(2)} s, peak RSS ${mb(again.peakRssBytes)} MB; ${reAsked.length} file requests, ${reAsked.filter((r) => r.status === 304).length} answered 304, nothing read.`,
    ];
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function readCounts(databasePath: string): { ok: number; characters: number } {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) AS ok, coalesce(sum(text_length), 0) AS characters FROM attachment_files WHERE read_status = 'ok'`).get() as {
      ok: number;
      characters: number;
    };
  } finally {
    db.close();
  }
}
