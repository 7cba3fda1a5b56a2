import { describe, expect, it } from 'vitest';
import { discoverListPage } from '../../src/discover/list-page.js';
import { readPageLinks } from '../../src/discover/page-links.js';
import { parseHtml } from '../../src/html/parse.js';

const PAGE = 'http://www.example.gov.cn/notice/index.html';
const read = (html: string) => readPageLinks(parseHtml(html).root()[0] as never, (text) => /\d{4}-\d{2}-\d{2}/.test(text));

describe('list discovery in one walk', () => {
  it("tests each link's entry: the nearest li/tr/dd, else a parent holding only that link", () => {
    const page = read(`<ul><li><span><a href="/a.html">甲</a></span> 2024-01-02</li></ul>
      <table><tr><td><a href="/b.html">乙</a></td><td>2024-01-03</td></tr></table>
      <p><a href="/c.html">丙</a> 2024-01-04</p>
      <p><a href="/d.html">丁</a> <a href="/e.html">戊</a> 2024-01-05</p>`);
    expect(page.links.map((l) => [l.href, l.text, l.inEntry])).toEqual([
      ['/a.html', '甲', true],
      ['/b.html', '乙', true],
      ['/c.html', '丙', true],
      ['/d.html', '丁', false],
      ['/e.html', '戊', false],
    ]);
  });

  it('reads base, rel=next, inline scripts, and the alt of an image inside a link', () => {
    const page = read(`<base href="/sub/"><link rel="next" href="list_2.html"><script src="x.js"></script>
      <script>createPageHTML(5, 0, "index", "html");</script><a href="list_2.html"><span><img alt="下一页"></span></a>`);
    expect(page.baseHref).toBe('/sub/');
    expect(page.nextHrefs).toEqual(['list_2.html']);
    expect(page.scripts).toContain('createPageHTML');
    expect(page.links[0]?.imageAlt).toBe('下一页');
  });

  it('does not read an entry too long to be a list item', () => {
    const page = read(`<li><a href="/a.html">甲</a> 2024-01-02 ${'很长的说明文字。'.repeat(80)}</li>`);
    expect(page.links[0]?.inEntry).toBe(false);
  });

  it('takes dated items and the next page from a list of 50,000 links in one walk', { timeout: 60_000 }, () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `<li><a href="/notice/${i}.html">通知${i}</a> 2024-01-02</li>`).join('');
    const found = discoverListPage(parseHtml(`<ul>${items}</ul><a href="index_1.html">下一页</a>`), PAGE);
    expect(found.items).toHaveLength(50_000);
    expect(found.next.map((n) => n.url)).toEqual(['http://www.example.gov.cn/notice/index_1.html']);
  });

  it('reads links nested in one another thousands deep without walking each one again', { timeout: 30_000 }, () => {
    const nested = `${'<a href="/x.html"><span>'.repeat(50_000)}下一页${'</span></a>'.repeat(50_000)}`;
    const page = read(nested);
    expect(page.links.length).toBe(50_000);
  });
});
