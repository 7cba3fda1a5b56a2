import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { removeChrome } from '../../src/extract/chrome.js';
import type { ParentNode } from '../../src/extract/dom.js';
import { extractFromHtml } from '../../src/extract/index.js';
import { cleanLines } from '../../src/extract/main-text/lines.js';
import type { Line } from '../../src/extract/main-text/serialize.js';

const PROSE = '这是一段足够长的正文内容，用来说明具体的工作安排和要求，各单位要认真学习贯彻落实。'.repeat(12);

function afterChrome(body: string, protect?: string): string {
  const $ = cheerio.load(`<html><body>${body}</body></html>`);
  removeChrome($('body')[0] as unknown as ParentNode, protect ? ($(protect)[0] ?? null) : null);
  return $('body').text();
}

function line(text: string, linkChars = 0, attachment = false): Line {
  return { text, chars: [...text.replace(/\s/g, '')].length, linkChars, attachment, afterSkipped: false };
}

describe('removeChrome', () => {
  it('removes navigation, breadcrumbs, sidebars, share/print tools, prev/next, comments and footers', () => {
    const body = [
      '<nav>导航</nav>',
      '<div class="breadcrumb">位置</div>',
      '<div class="sidebar">侧栏</div>',
      '<div class="bdsharebuttonbox">分享</div>',
      '<div class="print-tools">打印</div>',
      '<div class="prenext">上一篇</div>',
      '<div id="comments">评论</div>',
      '<div class="footer">页脚</div>',
      '<footer>页脚二</footer>',
      '<div class="related-list">相关</div>',
      '<div class="qrcode">二维码</div>',
      '<p>正文</p>',
    ].join('');
    expect(afterChrome(body)).toBe('正文');
  });

  it('matches class words whole: "inside" is not "side", "content" stays', () => {
    expect(afterChrome('<div class="inside">里面</div><div class="content">内容</div><div class="side-box">侧</div>')).toBe('里面内容');
  });

  it('keeps a box named like chrome that holds the article prose', () => {
    expect(afterChrome(`<div class="main-bottom"><p>${PROSE}</p></div>`)).toBe(PROSE);
  });

  it('removes comment sections however long they are', () => {
    expect(afterChrome(`<div class="comment-list"><p>${PROSE}</p></div><p>正文</p>`)).toBe('正文');
  });

  it('removes small forms but keeps a page-wide form wrapper', () => {
    expect(afterChrome('<form class="s"><p>搜索</p></form><p>正文</p>')).toBe('正文');
    const page = `<form id="aspnetForm"><div class="menu">${'<a href="#">栏目</a>'.repeat(60)}</div><div class="c"><p>通知：明日停课，请相互转告。</p></div></form>`;
    expect(afterChrome(page)).toContain('通知：明日停课');
  });

  it('never removes the protected article body or its ancestors', () => {
    expect(afterChrome('<form id="aspnetForm"><div class="TRS_Editor">正文</div></form>', '.TRS_Editor')).toBe('正文');
  });
});

describe('cleanLines', () => {
  it('drops tool, counter, prev/next, QR and footer lines', () => {
    const lines = [
      '正文第一段。',
      '上一篇：某某通知',
      '下一篇:另一个通知',
      '【打印本页】【关闭窗口】',
      '打印 | 关闭',
      '浏览次数：123',
      '117次浏览 0个评论',
      '扫一扫在手机上查看当前页面',
      '分享到：',
      '苏ICP备05012345号-1',
      '网站标识码：3202110001',
      '喜欢 (0)',
      '发表我的评论',
      '当前位置：首页 > 通知',
      '正文第二段。',
    ];
    expect(cleanLines(lines.map((t) => line(t)))).toEqual(['正文第一段。', '正文第二段。']);
  });

  it('drops link lists but keeps sentences with links and attachment lines', () => {
    expect(cleanLines([line('全区教育系统召开会议', 10), line('更多信息请访问科研处专栏。', 5), line('1.立项名单.pdf', 9, true)])).toEqual([
      '更多信息请访问科研处专栏。',
      '1.立项名单.pdf',
    ]);
  });

  it('cuts a related-articles tail of short lines', () => {
    const lines = [line('正文。'), line('2022年工作计划相关文章:'), line('2022年工作计划', 9), line('学校工作计划范文'), line('Next Article')];
    expect(cleanLines(lines)).toEqual(['正文。']);
  });

  it('keeps the text after a related heading when long paragraphs follow', () => {
    const long = '这一段很长，'.repeat(15);
    expect(cleanLines([line('同類文章'), line(long)])).toEqual([long]);
  });
});

describe('chrome in whole pages', () => {
  it('keeps view counters, comments and sidebars out of a blog repost', () => {
    const html = `<html><head><title>工作要点 | 博客</title></head><body><div id="sidebar"><h3>热门文章</h3><ul><li><a href="/1">文章甲</a></li></ul></div>
      <div class="post"><h1>工作要点</h1><p class="meta">admin 5年前 117次浏览 0个评论</p><div class="entry"><p>${PROSE}</p></div><p>喜欢 (0)</p>
      <div id="respond"><h3>发表我的评论</h3><p>Hi,您需要填写昵称和邮箱！</p></div></div></body></html>`;
    expect(extractFromHtml(html, 'http://blog.example.cn/1.html').text).toBe(PROSE);
  });
});
