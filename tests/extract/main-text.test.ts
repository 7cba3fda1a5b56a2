import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';

const PARA = ['第一段：各学区、园林分局，局直各单位，现将工作要点印发给你们，请认真贯彻执行。', '第二段：坚持党的领导，以更高站位引领事业发展，深化党的创新理论武装。', '第三段：坚持立德树人，以更大力度促进五育融合，践行培根铸魂使命。'];
const P_HTML = PARA.map((p) => `<p>${p}</p>`).join('');

function textOf(body: string, head = ''): { text: string; rule: string | undefined } {
  const doc = extractFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, 'http://x.gov.cn/a.html');
  return { text: doc.text, rule: doc.provenance.text };
}

const SIDEBAR = '<div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/1">全区教育系统召开工作会议，部署全年任务</a></li><li><a href="/2">区教育局开展开学安全检查，确保平安</a></li></ul></div>';

describe('CMS body markers', () => {
  it('takes only the text between the Hanweb comment markers', () => {
    const body = `<div><p>标记前的文字，不属于正文，不应被抽取出来。</p><!--ZJEG_RSS.content.begin-->${P_HTML}<!--ZJEG_RSS.content.end--><p>标记后的文字，也不属于正文内容。</p></div>`;
    expect(textOf(body)).toEqual({ text: PARA.join('\n'), rule: 'hanweb-markers' });
  });

  it('takes the text between ContentStart and ContentEnd metas', () => {
    const body = `<div id="zoom"><p>之前。</p><meta name="ContentStart">${P_HTML}<meta name="ContentEnd"><p>之后。</p></div>`;
    expect(textOf(body)).toEqual({ text: PARA.join('\n'), rule: 'meta:ContentStart' });
  });

  it('takes #UCAP-CONTENT and .TRS_Editor', () => {
    expect(textOf(`<table><tr><td id="UCAP-CONTENT">${P_HTML}</td><td>${SIDEBAR}</td></tr></table>`)).toEqual({ text: PARA.join('\n'), rule: 'ucap-content' });
    expect(textOf(`<div class="TRS_Editor"><div class="TRS_Editor">${P_HTML}</div></div>${SIDEBAR}`)).toEqual({ text: PARA.join('\n'), rule: 'trs-editor' });
  });

  it('falls back to density when the marked box is empty', () => {
    expect(textOf(`<div class="TRS_Editor"></div><div class="text">${P_HTML}</div>`)).toEqual({ text: PARA.join('\n'), rule: 'density-fallback' });
  });
});

describe('density fallback', () => {
  it('prefers the prose box to link lists and short menus', () => {
    const body = `<div class="nav"><a href="/">首页</a> <a href="/a">政务公开</a></div><div class="wrap"><div class="l">${SIDEBAR}</div><div class="r"><div class="body-text">${P_HTML}</div></div></div>`;
    expect(textOf(body)).toEqual({ text: PARA.join('\n'), rule: 'density-fallback' });
  });

  it('reads paragraphs written with <br> in one box', () => {
    expect(textOf(`<div class="c">${PARA.join('<br><br>\n')}</div>${SIDEBAR}`).text).toBe(PARA.join('\n'));
  });

  it('gives no text for a page without prose', () => {
    expect(textOf(`${SIDEBAR}<ul><li><a href="/x">一条链接</a>2024-01-01</li></ul>`)).toEqual({ text: '', rule: 'none' });
  });

  it('adds the editor credit box that follows the body', () => {
    expect(textOf(`<div class="c">${P_HTML}</div><div class="edit">(责编：张三、李四)</div>${SIDEBAR}`).text).toBe([...PARA, '(责编：张三、李四)'].join('\n'));
  });
});

describe('paragraphs', () => {
  it('folds whitespace inside a paragraph and drops empty ones', () => {
    const body = `<div class="TRS_Editor"><p>　　第一行\n   续写，&nbsp;&nbsp;仍是同一段。</p><p>&nbsp;</p><p><br></p><p>　　</p><p>第二段<span>由</span><b>多个</b>行内元素组成。</p></div>`;
    expect(textOf(body).text).toBe('第一行 续写， 仍是同一段。\n第二段由多个行内元素组成。');
  });

  it('breaks at block elements and <br>; a table row is one line', () => {
    expect(textOf('<div class="TRS_Editor">甲<div>乙</div>丙<br>丁<table><tr><td>戊</td><td>己</td></tr><tr><th>庚</th><td><p>辛</p><p>壬</p></td></tr></table></div>').text)
      .toBe('甲\n乙\n丙\n丁\n戊 己\n庚\n辛\n壬');
  });

  it('never includes script, style or comment text', () => {
    expect(textOf('<div class="TRS_Editor"><style>p{color:red}</style><script>var a = "正文";</script><!-- 注释 --><p>正文。</p></div>').text).toBe('正文。');
  });
});
