import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/decode/index.js';
import { demoSiteDir, startStaticSite, type StaticSite } from '../../src/demo/server.js';
import { escapeHtml, parseBody } from '../../src/demo/site-src/html.js';

let site: StaticSite;
beforeAll(async () => {
  site = await startStaticSite(demoSiteDir());
});
afterAll(async () => {
  await site.close();
});

/** Fetches a page as a crawler would: bytes and the server's bare `text/html`, nothing else to go on. */
async function fetchDecoded(path: string) {
  const res = await fetch(`${site.baseUrl}${path}`);
  const contentType = res.headers.get('content-type') ?? undefined;
  expect(contentType).toBe('text/html');
  return decodeBody(new Uint8Array(await res.arrayBuffer()), contentType);
}

const bodyParagraphs = (file: string) =>
  parseBody(readFileSync(new URL(`../../src/demo/site-src/bodies/${file}.txt`, import.meta.url), 'utf8')).map((p) => escapeHtml(p.text));

describe('GB-encoded demo pages decode with decodeBody', () => {
  it('the Hanweb plan page (GBK, declared gb2312 in <meta http-equiv>)', async () => {
    const page = await fetchDecoded('/art/2021/4/12/art_1001_3003.html');
    expect(page.charset).toBe('gb18030');
    expect(page.charsetSource).toBe('meta');
    expect(page.html).not.toContain('\uFFFD');
    expect(page.html).toContain('<title>规划计划</title>');
    expect(page.html).toContain('<h1 class="art_title">滨湖区2021年学前教育和义务教育优质均衡发展工作计划</h1>');
    expect(page.html).toContain('<th>信息索引号</th><td>014028901/2021-01120</td>');
    expect(page.html).toContain('<th>公开日期</th><td>2021年04月12日</td>');
    for (const paragraph of bodyParagraphs('a3')) expect(page.html).toContain(paragraph);
    expect(page.html).toContain('打造辐射区域内外的滨湖幼教新品牌');
  });

  it('the TRS notice page (GBK, gov.cn table with full-width spaces and 〔〕)', async () => {
    const page = await fetchDecoded('/xxgk/ghjh/202402/t20240226_3987.html');
    expect(page.charset).toBe('gb18030');
    expect(page.html).not.toContain('\uFFFD');
    expect(page.html).toContain('<title>潜江市教育局关于做好2024年春季学期校园安全工作的通知_潜江市教育局</title>');
    expect(page.html).toContain('<b>索　引　号：</b></td><td width="260">011138015/2024-00019</td>');
    expect(page.html).toContain('<td>潜教办〔2024〕5号</td>');
    expect(page.html).toContain('科技、教育\\教育');
    for (const paragraph of bodyParagraphs('b2')) expect(page.html).toContain(paragraph);
  });

  it('the Hanweb list page stored as GBK', async () => {
    const page = await fetchDecoded('/col/col1001/list_3.html');
    expect(page.charset).toBe('gb18030');
    expect(page.html).not.toContain('\uFFFD');
    expect(page.html).toContain('>滨湖区教育局关于深化五育融合提升教育质量的实施意见</a><span class="date">2020-12-30</span>');
    expect(page.html).toContain('共6条　每页2条　当前3/3页');
  });

  it('a UTF-8 page next to them still decodes as UTF-8', async () => {
    const page = await fetchDecoded('/art/2021/2/18/art_1001_3001.html');
    expect(page.charset).toBe('utf-8');
    expect(page.html).toContain('<li><span>文件编号：</span>—  —</li>');
  });
});
