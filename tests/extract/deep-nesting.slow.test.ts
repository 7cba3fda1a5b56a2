import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';

/**
 * Broken or hostile pages nest elements far deeper than any template (unclosed tags pile up).
 * Every tree walk in the extractor must survive depths past the call stack (~3,000–4,000 frames).
 */
const DEPTH = 20_000;
const TITLE = '关于深度嵌套页面的处理通知';
const PARA = '各学校要认真贯彻落实有关工作要求，切实加强组织领导，确保各项措施落到实处。';
const SECOND = '第二段：坚持立德树人，以更大力度促进五育融合，践行培根铸魂使命。';
const META_TABLE = `<table class="xxgk"><tr><td>索引号：</td><td>000014349/2024-00001</td><td>发文字号：</td><td>教发〔2024〕3号</td></tr>
<tr><td>发布机构：</td><td>某某区教育局</td><td>发布日期：</td><td>2024-03-08</td></tr></table>`;

function nested(tag: string, inner: string, attributes = ''): string {
  return `<${tag}${attributes}>`.repeat(DEPTH) + inner + `</${tag}>`.repeat(DEPTH);
}

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>${body}</body></html>`;
}

describe('pages nested 20,000 elements deep', () => {
  // parse5 itself needs a few seconds for 20,000 nested <div>s (its scope checks walk the open-element stack)
  it('extracts title, metadata and text from a body nested in 20,000 <div>s', { timeout: 60_000 }, () => {
    const doc = extractFromHtml(page(`${META_TABLE}<h1>${TITLE}</h1>${nested('div', `<p>${PARA}</p><p>${SECOND}</p>`)}`), 'http://x.gov.cn/art/1.html');
    expect(doc.title).toBe(TITLE);
    expect(doc.fields).toMatchObject({ indexNo: '000014349/2024-00001', docNo: '教发〔2024〕3号', publisher: '某某区教育局', publishedDate: '2024-03-08' });
    expect(doc.text).toBe(`${PARA}\n${SECOND}`);
    expect(doc.provenance.text).toBe('density-fallback');
  });

  it('reads a paragraph written in 20,000 nested <span>s', () => {
    const doc = extractFromHtml(page(`${META_TABLE}<div class="article"><p>${nested('span', PARA)}</p><p>${SECOND}</p></div>`), 'http://x.gov.cn/art/1.html');
    expect(doc.text).toBe(`${PARA}\n${SECOND}`);
    expect(doc.fields.publisher).toBe('某某区教育局');
  });

  it.each([
    ['hanweb-markers', `<!--ZJEG_RSS.content.begin-->${nested('span', `<p>${PARA}</p>`)}<!--ZJEG_RSS.content.end--><p>标记之后的文字不属于正文内容。</p>`],
    ['ucap-content', `<div id="UCAP-CONTENT">${nested('font', `<p>${PARA}</p>`)}</div>`],
    ['trs-editor', `<div class="TRS_Editor">${nested('span', `<p>${PARA}</p>`)}</div>`],
  ])('takes the %s body from under 20,000 nested elements', (rule, body) => {
    const doc = extractFromHtml(page(`${META_TABLE}<h1>${TITLE}</h1>${body}`), 'http://x.gov.cn/art/1.html');
    expect(doc.provenance.text).toBe(rule);
    expect(doc.text).toBe(PARA);
    expect(doc.fields.indexNo).toBe('000014349/2024-00001');
  });

  it('removes deeply nested chrome and hidden boxes, and finds deep attachments and labels', () => {
    const body = [
      `<div class="nav">${nested('a', '导航链接', ' href="/x.html"')}</div>`,
      `<div style="display:none">${nested('span', '隐藏的文字不应出现在正文里。')}</div>`,
      `<p class="info"><b>发布机构：</b>某某区教育局 <b>发布日期：</b>2024-03-08 <b>索引号：</b>${nested('span', '000014349/2024-00002')}</p>`,
      `<div class="article"><p>${PARA}</p><p>${SECOND}</p></div>`,
      `<p>${nested('span', '<a href="/files/plan.pdf">实施方案.pdf</a>')}</p>`,
    ].join('');
    const doc = extractFromHtml(page(body), 'http://x.gov.cn/art/1.html');
    expect(doc.text).toBe(`${PARA}\n${SECOND}`);
    expect(doc.fields).toMatchObject({ publisher: '某某区教育局', publishedDate: '2024-03-08', indexNo: '000014349/2024-00002' });
    expect(doc.attachments.map((a) => a.url)).toEqual(['http://x.gov.cn/files/plan.pdf']);
  });
});
