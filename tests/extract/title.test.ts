import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';
import { stripSiteSuffix } from '../../src/extract/title.js';

const URL = 'http://www.example.gov.cn/art/1.html';

function titleOf(head: string, body: string): { title: string; rule: string | undefined } {
  const doc = extractFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, URL);
  return { title: doc.title, rule: doc.provenance.title };
}

describe('stripSiteSuffix', () => {
  it.each([
    ['2021年工作要点_无锡市滨湖区人民政府', '2021年工作要点'],
    ['2021年工作要点-滨湖区教育局', '2021年工作要点'],
    ['2021年工作要点 | 某某站', '2021年工作要点'],
    ['女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网', '女儿出嫁，郑板桥画了几笔兰花当嫁妆'],
    ['棱镜|数据业大整顿：爬虫与现金贷共生共荣_财经_腾讯网', '棱镜|数据业大整顿：爬虫与现金贷共生共荣'],
    ['关于某某决议__2007年第23号国务院公报_中国政府网', '关于某某决议'],
    ['学龙岗、赶新吴 | 区教育局：推进区域教育现代化加快实现教育强区目标_栖霞新闻网', '学龙岗、赶新吴 | 区教育局：推进区域教育现代化加快实现教育强区目标'],
  ])('%s → %s', (full, title) => {
    expect(stripSiteSuffix(full)).toBe(title);
  });

  it('keeps hyphens that belong to the title', () => {
    expect(stripSiteSuffix('1-10月德清县固定资产投资结构趋稳趋优')).toBe('1-10月德清县固定资产投资结构趋稳趋优');
    expect(stripSiteSuffix('2021-2025年教育发展规划')).toBe('2021-2025年教育发展规划');
  });

  it('never strips the whole title', () => {
    expect(stripSiteSuffix('通知公告')).toBe('通知公告');
  });
});

describe('title', () => {
  it('prefers the ArticleTitle meta', () => {
    expect(titleOf('<meta name="ArticleTitle" content="甲通知"><title>乙_某站</title>', '<h1>乙</h1>')).toEqual({ title: '甲通知', rule: 'meta:ArticleTitle' });
  });

  it("takes the metadata table's 标题 before headings and <title>", () => {
    const body = '<table><tr><td>标题</td><td>关于甲的通知</td></tr><tr><td>索引号</td><td>1/2024-1</td></tr></table><h1>关于乙</h1>';
    expect(titleOf('<title>关于乙_某站</title>', body)).toEqual({ title: '关于甲的通知', rule: 'table:td-td' });
  });

  it('takes the page heading that matches <title>, whole even if it holds a separator', () => {
    const body = '<div class="logo">某某区人民政府</div><h1>学龙岗 | 区教育局：推进区域教育现代化</h1>';
    expect(titleOf('<title>学龙岗 | 区教育局：推进区域教育现代化_某某区人民政府</title>', body)).toEqual({
      title: '学龙岗 | 区教育局：推进区域教育现代化',
      rule: 'heading-matches-title',
    });
  });

  it('falls back to <title> without its site suffix', () => {
    expect(titleOf('<title>关于做好招生工作的通知-某某教育局</title>', '<p>正文。</p>')).toEqual({ title: '关于做好招生工作的通知', rule: 'title-tag' });
  });

  it('never returns the column name when the page has a heading', () => {
    const head = '<meta name="ColumnName" content="规划计划"><title>规划计划</title>';
    expect(titleOf(head, '<div class="nav"><a href="/c">规划计划</a></div><h1>2024年工作计划</h1>')).toEqual({ title: '2024年工作计划', rule: 'heading' });
  });

  it('treats a <title> that is only a navigation link text as a column name', () => {
    expect(titleOf('<title>通知公告</title>', '<ul><li><a href="/tzgg/">通知公告</a></li></ul><h2 class="art-title">关于开学工作的通知</h2>').title).toBe(
      '关于开学工作的通知',
    );
  });

  it('ignores an ArticleTitle meta that is the column name', () => {
    expect(
      titleOf('<meta name="ColumnName" content="通知公告"><meta name="ArticleTitle" content="通知公告"><title>关于开学的通知_某站</title>', '').title,
    ).toBe('关于开学的通知');
  });

  it("never takes a <title> that is only the site's name: the headline block wins (class zbt, bt, title)", () => {
    const logo = '<div class="logo"><h1>某某县人民政府</h1></div>';
    for (const box of [
      '<div class="zbt">关于开展2018年春季植树活动的通知</div>',
      '<p class="xl_bt">关于开展2018年春季植树活动的通知</p>',
      '<div class="article-title">关于开展2018年春季植树活动的通知</div>',
    ]) {
      expect(titleOf('<title>某某县人民政府</title>', `${logo}${box}<div id="zoom"><p>正文。</p></div>`)).toEqual({
        title: '关于开展2018年春季植树活动的通知',
        rule: 'heading',
      });
    }
    expect(titleOf('<meta name="SiteName" content="某某县政务公开"><title>某某县政务公开</title>', '<h2>2018年预算公开说明</h2>').title).toBe(
      '2018年预算公开说明',
    );
  });

  it('keeps a <title> that is a document title, even when short', () => {
    expect(titleOf('<title>2018年部门预算</title>', '<div class="logo"><h1>某某县财政局</h1></div><p>正文。</p>')).toEqual({
      title: '2018年部门预算',
      rule: 'title-tag',
    });
  });

  it('takes markup shown as text in <title> for decoration (a status badge), not for the title', () => {
    const head = "<title>某某工程施工招标公告<font color='#2ac36e'>[报名中]</font></title>";
    expect(titleOf(head, '<h3>某某工程施工招标公告<font color="#2ac36e">[报名中]</font></h3><p>正文。</p>')).toEqual({
      title: '某某工程施工招标公告',
      rule: 'title-tag',
    });
  });
});
