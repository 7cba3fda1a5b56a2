import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { faultHarness } from '../helpers/crawl.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';

/**
 * A UTF-8 page with one passage pasted from a GBK document used to be decoded whole as GB18030:
 * title, fields and text garbled. Now it stays UTF-8 and the passage is read as GB18030 on its own.
 */
let server: TestSite;
afterEach(async () => {
  await server?.close();
});

const PASTED = '一是要认真学习朱镕基同志讲话精神，二是各校要做好总结工作之';

/** disclosurePage's bytes in UTF-8 with PASTED, in GBK bytes, as a paragraph and as the publisher. */
function mixedPage(title: string, declaration: string): Buffer {
  const [head, tail] = disclosurePage(title, '混合').replace('<meta charset="utf-8">', declaration).replace('某某区教育局', '\u0000').split('\u0000') as [
    string,
    string,
  ];
  const [middle, end] = tail.split('</div></div>') as [string, string];
  return Buffer.concat([
    Buffer.from(head, 'utf8'),
    iconv.encode('某某区教育局', 'gbk'),
    Buffer.from(middle, 'utf8'),
    Buffer.from('<p>', 'utf8'),
    iconv.encode(PASTED, 'gbk'),
    Buffer.from('</p></div></div>', 'utf8'),
    Buffer.from(end, 'utf8'),
  ]);
}

describe('mixed encodings', () => {
  it('stores a UTF-8 page with pasted GBK (declared utf-8, gb2312, or nothing) with its title, fields and text intact', async () => {
    server = await startTestSite();
    const declarations = ['<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ''];
    server.route('/', html(listPage(linkItems(declarations.map((_, index) => docPath(index + 1))))));
    declarations.forEach((declaration, index) => server.route(docPath(index + 1), html(mixedPage(`第${index + 1}份混合编码的通知`, declaration))));
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`] });
    const { summary } = await archive.crawl();

    expect(summary.sources['fault-src']).toMatchObject({ created: 3, errors: 0 });
    const rows = archive.db
      .prepare(
        `SELECT v.title, v.text, v.fields, v.charset FROM documents d
      JOIN versions v ON v.document_id = d.id AND v.version = d.current_version ORDER BY d.url`,
      )
      .all() as { title: string; text: string; fields: string; charset: string }[];
    expect(rows.map((row) => row.title)).toEqual(declarations.map((_, index) => `第${index + 1}份混合编码的通知`));
    for (const row of rows) {
      expect(row.charset).toBe('utf-8');
      expect(row.text).toContain('混合第1段：各学校要认真贯彻落实有关工作要求');
      expect(row.text).toContain(PASTED);
      expect(row.text).not.toContain('\uFFFD');
      expect(JSON.parse(row.fields)).toMatchObject({ publisher: '某某区教育局' });
    }
  });
});
