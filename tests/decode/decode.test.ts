import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/decode/index.js';

const TITLE = '2021年无锡市滨湖区教育局工作要点';

function page(charsetMeta: string | null, body = TITLE): string {
  const meta = charsetMeta ? `<meta http-equiv="Content-Type" content="text/html; charset=${charsetMeta}">` : '';
  return `<html><head>${meta}<title>${body}</title></head><body><p>${body}，信息索引号：014028901/2021-00544</p></body></html>`;
}

describe('decodeBody', () => {
  it('decodes GBK bytes whose charset is only in <meta>, served as bare text/html', () => {
    const bytes = iconv.encode(page('gb2312'), 'gbk');
    const decoded = decodeBody(bytes, 'text/html');
    expect(decoded.html).toContain(TITLE);
    expect(decoded).toMatchObject({ charset: 'gb18030', charsetSource: 'meta' });
  });

  it('reads GBK-only characters on a page declared gb2312 (decoded as GB18030)', () => {
    const text = '镕基与喆'; // 镕 and 喆 are outside GB2312
    const decoded = decodeBody(iconv.encode(page('gb2312', text), 'gbk'), 'text/html');
    expect(decoded.html).toContain(text);
  });

  it('decodes Big5 pages', () => {
    const traditional = '棲霞區教育局：推進區域教育現代化';
    const decoded = decodeBody(iconv.encode(page('big5', traditional), 'big5'), 'text/html');
    expect(decoded.html).toContain(traditional);
    expect(decoded.charset).toBe('big5');
  });

  it('decodes as UTF-8 a page declared gb2312 whose bytes are UTF-8', () => {
    const decoded = decodeBody(Buffer.from(page('gb2312'), 'utf8'), 'text/html; charset=gb2312');
    expect(decoded.html).toContain(TITLE);
    expect(decoded).toMatchObject({ charset: 'utf-8', charsetSource: 'utf8-validated' });
  });

  it('detects GBK with no declaration anywhere', () => {
    const long = `${TITLE}。以习近平新时代中国特色社会主义思想为指导，坚持立德树人根本导向，聚焦美好教育目标定位。`.repeat(3);
    const decoded = decodeBody(iconv.encode(page(null, long), 'gbk'));
    expect(decoded.html).toContain(long);
    expect(decoded.charsetSource).toBe('detected');
  });

  it('detects UTF-8 with no declaration', () => {
    const decoded = decodeBody(Buffer.from(page(null), 'utf8'));
    expect(decoded).toMatchObject({ charset: 'utf-8', charsetSource: 'utf8-validated' });
    expect(decoded.html).toContain(TITLE);
  });

  it('falls through a header that claims UTF-8 for GBK bytes', () => {
    const decoded = decodeBody(iconv.encode(page('gbk'), 'gbk'), 'text/html; charset=utf-8');
    expect(decoded.html).toContain(TITLE);
    expect(decoded.charsetSource).toBe('meta');
  });

  it('prefers the header charset when the bytes agree with it', () => {
    const decoded = decodeBody(iconv.encode(page('utf-8'), 'gbk'), 'text/html; charset=GBK');
    expect(decoded.html).toContain(TITLE);
    expect(decoded.charsetSource).toBe('header');
  });

  it('honours a UTF-8 byte order mark over any declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('gb2312'), 'utf8')]);
    const decoded = decodeBody(bytes, 'text/html; charset=gbk');
    expect(decoded).toMatchObject({ charset: 'utf-8', charsetSource: 'bom' });
    expect(decoded.html.startsWith('<html>')).toBe(true);
  });

  it('replaces invalid bytes in a declared encoding instead of failing', () => {
    const bytes = Buffer.concat([iconv.encode(page('gbk'), 'gbk'), Buffer.from([0xff, 0xff, 0x81])]);
    const decoded = decodeBody(bytes, 'text/html');
    expect(decoded.html).toContain(TITLE);
  });
});
