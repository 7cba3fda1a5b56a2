import { createGzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { CrawlProgress } from '../../src/progress/progress.js';
import { archiveIsConsistent, faultHarness, storedTexts } from '../helpers/crawl.js';
import { captureLog } from '../helpers/log.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';

/** Oversized bodies, gzip bombs, broken encodings, broken markup: bounded, reported, the rest stored. */
let server: TestSite;
afterEach(async () => {
  await server?.close();
});

const MiB = 1024 * 1024;
const CONSISTENT = { orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 };

describe('oversized bodies', () => {
  it('cuts off a 50 MB page and a gzip bomb at fetch.maxBodyBytes, without retrying, and stores the rest', async () => {
    server = await startTestSite();
    let hugeBytesSent = 0;
    server.route('/', html(listPage(linkItems([1, 2, 3, 4].map(docPath)))));
    // 50 MB, chunked (no Content-Length): the bound must hold while streaming.
    server.route(docPath(1), (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const pump = () => {
        while (hugeBytesSent < 50 * MiB && !res.destroyed) {
          hugeBytesSent += chunk.byteLength;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    // 50 MB announced in Content-Length: refused before reading.
    server.route(docPath(2), (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(50 * MiB) });
      res.write(Buffer.alloc(64 * 1024, 'b'));
      res.on('error', () => undefined);
    });
    // 100 MB of zeros gzipped to ~100 KB.
    server.route(docPath(3), (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
      const gzip = createGzip();
      gzip.on('data', (data: Buffer) => {
        if (!res.destroyed) res.write(data);
      });
      gzip.on('end', () => res.end());
      res.on('error', () => undefined);
      gzip.write('<html><body>');
      const zeros = Buffer.alloc(MiB);
      for (let i = 0; i < 100; i++) gzip.write(zeros);
      gzip.end();
    });
    server.route(docPath(4), html(disclosurePage('正常的文件', '正常')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], fetch: { maxBodyBytes: MiB, maxRetries: 2 } });
    const { summary, log } = await archive.crawl();

    expect(summary.sources['fault-src']).toMatchObject({ created: 1, errors: 3 });
    expect([...storedTexts(archive.db).keys()]).toEqual([docPath(4)]);
    for (const n of [1, 2, 3]) {
      const messages = log.lines
        .filter((line) => JSON.stringify(line).includes(docPath(n)))
        .map((line) => String(line.msg))
        .join(' | ');
      expect(messages, `document ${n}`).toMatch(/exceeds the limit of 1048576 bytes \(fetch\.maxBodyBytes\)/);
      expect(server.hits(docPath(n)).length, `document ${n} is not retried`).toBe(1);
    }
    // The download stopped early instead of reading the whole body.
    expect(hugeBytesSent).toBeLessThan(50 * MiB);
    expect(archiveIsConsistent(archive.db)).toEqual(CONSISTENT);
  });
});

describe('broken encodings', () => {
  it('stores pages with invalid bytes in their declared charset, keeping the valid text', async () => {
    server = await startTestSite();
    server.route('/', html(listPage(linkItems([1, 2, 3].map(docPath)))));
    const gbkPage = (marker: string) =>
      disclosurePage('编码错误的文件', marker).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    // GBK page with stray 0xFF bytes and a truncated double-byte sequence in its body.
    const broken = iconv.encode(gbkPage('国标坏字节'), 'gbk');
    const at = broken.indexOf(Buffer.from('</p>', 'latin1'));
    server.route(docPath(1), html(Buffer.concat([broken.subarray(0, at), Buffer.from([0xff, 0xfe, 0x81]), broken.subarray(at)])));
    // Declares UTF-8 but is GBK: the bytes win over the declaration.
    server.route(docPath(2), html(iconv.encode(disclosurePage('声明错误的文件', '声明不符'), 'gbk')));
    // UTF-8 with a lone continuation byte and an overlong sequence.
    const utf8 = Buffer.from(disclosurePage('坏的UTF8文件', '万国码坏字节'), 'utf8');
    const p = utf8.indexOf(Buffer.from('</p>'));
    server.route(
      docPath(3),
      html(Buffer.concat([utf8.subarray(0, p), Buffer.from([0x80, 0xc0, 0xaf]), utf8.subarray(p)]), { 'Content-Type': 'text/html; charset=utf-8' }),
    );
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    const { summary } = await archive.crawl();

    expect(summary.sources['fault-src']).toMatchObject({ created: 3, errors: 0 });
    const texts = storedTexts(archive.db);
    expect(texts.get(docPath(1))).toContain('国标坏字节第6段：各学校要认真贯彻落实');
    expect(texts.get(docPath(2))).toContain('声明不符第6段：各学校要认真贯彻落实');
    expect(texts.get(docPath(3))).toContain('万国码坏字节第6段：各学校要认真贯彻落实');
  });
});

describe('malformed and hostile HTML', () => {
  const MALFORMED: Record<number, string> = {
    // unclosed tags everywhere, stray closers, a table inside a paragraph
    1: disclosurePage('未闭合标签的文件', '未闭合')
      .replace(/<\/p>/g, '')
      .replace('<div class="article">', '</span></td></div><div class="article"><p><table><tr><td>'),
    // no html/head/body at all, unquoted attributes, NUL bytes
    2: `<title>没有骨架的文件</title><meta name=ArticleTitle content=没有骨架的文件><h1>没有骨架的文件</h1>${'<p>无骨架第1段：各学校要认真贯彻落实有关工作要求，切实加强组织领导。\u0000</p>'.repeat(6)}`,
    // 20,000 nested elements around the text: deeper than the call stack, must still be stored
    3: disclosurePage('深度嵌套的文件', '深嵌套')
      .replace('<div id="zoom">', `<div id="zoom">${'<div><span>'.repeat(10_000)}`)
      .replace('</div></div>', `${'</span></div>'.repeat(10_000)}</div></div>`),
    // an unterminated script and comment swallowing the rest of the page
    4: disclosurePage('脚本未结束的文件', '脚本').replace('<h1>', '<script>var x = "</h1>";<h1>'),
    5: `${disclosurePage('注释未结束的文件', '注释')}<!-- never closed <p>`,
    // 1,000 nested elements: deeper than any real page, must still be stored
    7: disclosurePage('较深嵌套的文件', '较深')
      .replace('<div id="zoom">', `<div id="zoom">${'<div><span>'.repeat(500)}`)
      .replace('</div></div>', `${'</span></div>'.repeat(500)}</div></div>`),
  };

  it('stores or clearly reports every malformed page, and never stops the run', async () => {
    server = await startTestSite();
    const numbers = [1, 2, 3, 4, 5, 6, 7];
    server.route('/', html(listPage(linkItems(numbers.map(docPath)))));
    for (const [n, page] of Object.entries(MALFORMED)) server.route(docPath(Number(n)), html(page));
    server.route(docPath(6), html(disclosurePage('正常的文件', '正常')));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    const { summary, log } = await archive.crawl();

    const counts = summary.sources['fault-src']!;
    expect(counts.created + counts.errors, log.text()).toBe(numbers.length);
    const texts = storedTexts(archive.db);
    expect(texts.get(docPath(6))).toContain('正常第6段');
    expect(texts.get(docPath(1))).toContain('未闭合第6段');
    expect(texts.get(docPath(2))).toContain('无骨架第1段');
    expect(texts.get(docPath(7))).toContain('较深第6段');
    expect(texts.get(docPath(3))).toContain('深嵌套第6段');
    for (const n of numbers) {
      if (texts.has(docPath(n))) continue;
      expect(log.text(), `document ${n} is reported`).toContain(docPath(n));
    }
    expect(archiveIsConsistent(archive.db)).toEqual(CONSISTENT);
  });

  it("bounds the crawl of a page with 100,000 links by the source's maxPages", async () => {
    server = await startTestSite();
    const links = Array.from({ length: 100_000 }, (_, i) => `<a href="${docPath(i + 1)}">${i + 1}</a>`);
    server.route('/', html(`<html><head><meta charset="utf-8"><title>链接</title></head><body>${links.join('\n')}</body></html>`));
    // Pages built on request: only the first 24 are ever asked for.
    for (let n = 1; n <= 100_000; n++) server.route(docPath(n), (req, res, hit) => html(disclosurePage(`第${n}号`, `链接${n}`))(req, res, hit));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], source: { maxPages: 25 } });
    const log = captureLog();
    // The progress tracker counts every URL the crawl hands to the fetch queue.
    const progress = new CrawlProgress({ log: log.logger, intervalMs: 3_600_000, live: false });
    const summary = await runCrawl(archive.db, archive.config, archive.config.sources, log.logger, { progress });
    progress.stop();

    // maxPages is a hard bound: the list page and the first 24 of its links (two at a time, so in
    // any order), none beyond them in flight.
    const fetched = server.requests.filter((r) => r.path !== '/robots.txt').map((r) => r.path);
    expect(fetched.sort()).toEqual(['/', ...Array.from({ length: 24 }, (_, i) => docPath(i + 1))].sort());
    expect(summary.sources['fault-src'], log.text()).toMatchObject({ pages: 25, created: 24, errors: 0 });
    // The queue was never offered more than the budget: nothing is left queued once 25 are done.
    expect(log.lines.find((line) => line.msg === 'source pass finished')).toMatchObject({ pagesDone: 25, queued: 0 });
    // The links left out make the listing incomplete: the next run must not stop early before them.
    expect(log.lines.find((line) => line.msg === 'source listing read')).toMatchObject({ listingComplete: false });
  });
});
