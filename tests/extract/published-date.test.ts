import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';

function dateOf(head: string, body: string): [string | null, string | undefined] {
  const doc = extractFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, 'http://x.gov.cn/a.html');
  return [doc.publishedDate, doc.provenance.publishedDate];
}

const TABLE = '<table><tr><td>索引号</td><td>1/2024-1</td><td>公开日期</td><td>2024年03月08日</td></tr></table>';
const PUBDATE = '<meta name="PubDate" content="2024-03-09 10:00">';
const HEADER_LINE = '<div class="info">发布时间：2024-03-10 08:00 来源：某局</div>';
const BODY = '<div class="content"><p>本通知自2024年9月1日起施行，请各单位认真贯彻执行。</p><p>某某局</p><p>2024年3月1日</p></div>';

describe('publishedDate', () => {
  it('takes the metadata block first', () => {
    expect(dateOf(PUBDATE, TABLE + HEADER_LINE + BODY)).toEqual(['2024-03-08', 'table:td-td']);
  });

  it('then a visible 发布时间： header line, over a PubDate meta that disagrees (kept in provenance)', () => {
    expect(dateOf('', `<h1>关于开学工作的通知</h1>${HEADER_LINE}${BODY}`)).toEqual(['2024-03-10', 'header:label-colon']);
    const doc = extractFromHtml(`<html><head>${PUBDATE}</head><body>${HEADER_LINE}${BODY}</body></html>`, 'http://x.gov.cn/a.html');
    expect([doc.publishedDate, doc.fields.publishedDate]).toEqual(['2024-03-10', '2024-03-10']);
    expect(doc.provenance).toMatchObject({ publishedDate: 'header:label-colon', 'publishedDate.meta': 'meta:PubDate 2024-03-09' });
  });

  it('then the PubDate meta', () => {
    expect(dateOf(PUBDATE, BODY)).toEqual(['2024-03-09', 'meta:PubDate']);
  });

  it('then a <time> of the article, not one in a sidebar', () => {
    const sidebar = '<div class="side"><ul><li><a href="/1">别的文章</a><time datetime="2024-05-01">05-01</time></li></ul></div>';
    const article =
      '<article><h1>关于开学工作的通知</h1><time datetime="2024-03-11T09:00:00+08:00">3月11日</time><p>正文内容很长很长，足够成为一个段落。</p></article>';
    expect(dateOf('', sidebar + article)).toEqual(['2024-03-11', 'time-element']);
  });

  it('then an unlabelled date line under the heading', () => {
    expect(dateOf('<title>关于开学工作的通知_某站</title>', `<h1>关于开学工作的通知</h1><div class="src">2024-03-12 来源：某局</div>${BODY}`)).toEqual([
      '2024-03-12',
      'heading-info-line',
    ]);
  });

  it('never a date from the body or a list of other pages', () => {
    expect(dateOf('<title>关于开学工作的通知_某站</title>', `<h1>关于开学工作的通知</h1>${BODY}`)).toEqual([null, 'none']);
    expect(dateOf('<title>通知公告</title>', '<h2>通知公告</h2><ul><li><a href="/1">甲</a>2024-01-02</li><li><a href="/2">乙</a>2024-01-01</li></ul>')).toEqual(
      [null, 'none'],
    );
  });

  it('never a date from a list whose items carry 发布日期 labels', () => {
    const list =
      '<ul class="list">' +
      ['甲', '乙', '丙'].map((t, i) => `<li><a href="/${i}">关于${t}的通知</a> 发布机构：某局 发布日期：2024-01-0${i + 1}</li>`).join('') +
      '</ul>';
    expect(dateOf('<title>关于开学工作的通知_某站</title>', `${list}<h1>关于开学工作的通知</h1>${BODY}`)).toEqual([null, 'none']);
  });

  it('keeps fields.publishedDate from the table', () => {
    const doc = extractFromHtml(`<html><body>${TABLE}</body></html>`, 'http://x.gov.cn/a.html');
    expect(doc.fields.publishedDate).toBe('2024-03-08');
  });
});
