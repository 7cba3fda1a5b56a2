import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/decode/index.js';
import { decodeMixedUtf8, isMostlyUtf8 } from '../../src/decode/mixed-utf8.js';

/** UTF-8 pages with a passage pasted from a GBK document, or stray bytes: the page stays UTF-8. */
const TITLE = '关于印发2024年全区教育工作要点的通知';
const BODY = '各街道、各学校：现将《2024年全区教育工作要点》印发给你们，请结合实际认真贯彻落实。';
/** Starts with 一 (GBK D2 BB, which is also valid UTF-8), holds 镕 (trail byte 0x46, ASCII "F") and digits, ends with 之 (D6 AE, valid UTF-8 too). */
const PASTED = '一是朱镕基同志2003年讲话精神要认真学习，二是各校要做好总结工作之';

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function mixedPage(declaration: string): Buffer {
  return Buffer.concat([
    utf8(`<html><head>${declaration}<title>${TITLE}</title></head><body><h1>${TITLE}</h1><p>${BODY}</p><p>`),
    iconv.encode(PASTED, 'gbk'),
    utf8(`</p><p>${BODY}</p><p>附件：${TITLE}。</p></body></html>`),
  ]);
}

describe('a UTF-8 page with a pasted GBK passage', () => {
  const declarations: [string, string, string | undefined, string][] = [
    ['declared UTF-8 in <meta>', '<meta charset="utf-8">', undefined, 'meta'],
    ['declared gb2312 (a migrated CMS)', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'text/html', 'utf8-majority'],
    ['declared nowhere', '', 'text/html', 'utf8-majority'],
    ['declared UTF-8 in the header', '', 'text/html; charset=UTF-8', 'header'],
  ];
  for (const [name, declaration, contentType, source] of declarations) {
    it(`stays UTF-8 and reads the passage as GB18030 when ${name}`, () => {
      const decoded = decodeBody(mixedPage(declaration), contentType);
      expect(decoded).toMatchObject({ charset: 'utf-8', charsetSource: source });
      expect(decoded.html).toContain(`<title>${TITLE}</title>`);
      expect(decoded.html).toContain(`<p>${PASTED}</p><p>${BODY}</p>`);
      expect(decoded.html).not.toContain('\uFFFD');
    });
  }

  it('repairs each of several passages on its own, right beside UTF-8 Chinese without markup between', () => {
    const bytes = Buffer.concat([
      utf8(`<p>${BODY}`),
      iconv.encode('要认真学习', 'gbk'),
      utf8(`${BODY}`),
      iconv.encode('做好总结', 'gbk'),
      utf8(`年${BODY}</p>`),
    ]);
    expect(decodeMixedUtf8(bytes)).toBe(`<p>${BODY}要认真学习${BODY}做好总结年${BODY}</p>`);
  });

  it('replaces stray bytes that read as no Chinese with U+FFFD, keeping everything around them', () => {
    const bytes = Buffer.concat([utf8(`<p>${BODY}`), Buffer.from([0xff]), utf8(BODY), Buffer.from([0x80, 0x80]), utf8(`${BODY}</p>`)]);
    const decoded = decodeBody(bytes, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.html).toBe(`<p>${BODY}\uFFFD${BODY}\uFFFD\uFFFD${BODY}</p>`);
  });

  it('still decodes a whole GBK page as GBK, however it is declared', () => {
    const text = `${TITLE}。${BODY}${PASTED}`.repeat(3);
    const gbk = iconv.encode(`<html><head><title>${TITLE}</title></head><body><p>${text}</p></body></html>`, 'gbk');
    expect(isMostlyUtf8(gbk)).toBe(false);
    for (const contentType of ['text/html; charset=utf-8', 'text/html; charset=gbk', undefined]) {
      const decoded = decodeBody(gbk, contentType);
      expect(decoded.charset, String(contentType)).toBe('gb18030');
      expect(decoded.html).toContain(text);
    }
  });

  it('leaves a page mostly GBK with a little UTF-8 to GBK', () => {
    const bytes = Buffer.concat([iconv.encode(`<p>${BODY}${BODY}${PASTED}</p>`.repeat(4), 'gbk'), utf8(`<p>${TITLE}</p>`)]);
    expect(isMostlyUtf8(bytes)).toBe(false);
    expect(decodeBody(bytes, 'text/html; charset=gbk').charset).toBe('gb18030');
  });
});
