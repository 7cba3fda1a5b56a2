import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';
import { MAX_TEXT_CHARS } from '../../src/extract/main-text/index.js';

const PARA = [
  '第一段：各学区、园林分局，局直各单位，现将工作要点印发给你们，请认真贯彻执行。',
  '第二段：坚持党的领导，以更高站位引领事业发展，深化党的创新理论武装。',
  '第三段：坚持立德树人，以更大力度促进五育融合，践行培根铸魂使命。',
];
const P_HTML = PARA.map((p) => `<p>${p}</p>`).join('');

function textOf(body: string, head = ''): { text: string; rule: string | undefined } {
  const doc = extractFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, 'http://x.gov.cn/a.html');
  return { text: doc.text, rule: doc.provenance.text };
}

const SIDEBAR =
  '<div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/1">全区教育系统召开工作会议，部署全年任务</a></li><li><a href="/2">区教育局开展开学安全检查，确保平安</a></li></ul></div>';

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
    expect(
      textOf(
        '<div class="TRS_Editor">甲<div>乙</div>丙<br>丁<table><tr><td>戊</td><td>己</td></tr><tr><th>庚</th><td><p>辛</p><p>壬</p></td></tr></table></div>',
      ).text,
    ).toBe('甲\n乙\n丙\n丁\n戊 己\n庚\n辛\n壬');
  });

  it('never includes script, style or comment text', () => {
    expect(textOf('<div class="TRS_Editor"><style>p{color:red}</style><script>var a = "正文";</script><!-- 注释 --><p>正文。</p></div>').text).toBe('正文。');
  });
});

describe('bodies nobody wrote for the density thresholds (#13)', () => {
  it('takes the #zoom box however short its text, and reads its metadata labels as metadata', () => {
    const body = `<table><tr><td>索引号：</td><td>1/2024-1</td><td>发布机构：</td><td>某局</td></tr></table><div id="zoom"><p>特此通知。</p></div>${SIDEBAR}`;
    expect(textOf(body)).toEqual({ text: '特此通知。', rule: 'zoom-box' });
    const inside = extractFromHtml(`<div id="zoom"><p>索引号：1/2024-1</p><p>发布机构：某局</p><p>特此通知。</p></div>`, 'http://x.gov.cn/a.html');
    expect(inside.fields).toMatchObject({ indexNo: '1/2024-1', publisher: '某局' });
    expect(inside.text).toBe('特此通知。');
  });

  it('takes a box named like a body when no line is long enough to be a paragraph', () => {
    expect(textOf(`${SIDEBAR}<div class="article-content"><p>附件一</p><p>名单如下</p></div>`)).toEqual({ text: '附件一\n名单如下', rule: 'named-box' });
  });

  it('counts a footer of copyright and disclaimer boilerplate against its box', () => {
    const footer =
      '<div class="bottom"><h4>版权与免责声明</h4>' +
      '<p>凡本网注明来源的作品，版权均属于本网，未经授权不得转载、摘编或以其它方式使用，违者必究，本网保留追究其法律责任的权利。</p>'.repeat(2) +
      '<p>本网站所载内容仅供参考，对因使用本网站信息造成的任何损失，本网站不承担任何法律责任，敬请谅解，特此声明，感谢支持。</p><p>主办单位：某某县人民政府办公室</p></div>';
    expect(textOf(`<div class="main"><p>${PARA[0]}</p></div>${footer}`)).toEqual({ text: PARA[0], rule: 'density-fallback' });
  });

  it('keeps a body table whole, rows as lines, with the preamble and signature beside it', () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<tr><td>${i + 1}</td><td>单位${i + 1}</td><td>${i < 25 ? '合格' : '发现问题：记录不全，已责令限期整改完毕。'}</td></tr>`,
    ).join('');
    const { text } = textOf(`${SIDEBAR}<div class="x"><p>现将检查结果公示如下：</p><table>${rows}</table><p>某某局</p><p>2024年3月1日</p></div>`);
    expect(text.split('\n').slice(0, 3)).toEqual(['现将检查结果公示如下：', '1 单位1 合格', '2 单位2 合格']);
    expect(text.split('\n').slice(-2)).toEqual(['某某局', '2024年3月1日']);
  });

  it('cuts a text longer than the cap at a paragraph and says so in provenance', () => {
    const paragraph = `<p>${'各单位要认真贯彻落实有关工作要求，确保工作取得实效。'.repeat(400)}</p>`;
    const doc = extractFromHtml(`<div class="TRS_Editor">${paragraph.repeat(120)}</div>`, 'http://x.gov.cn/a.html');
    expect(doc.text.split('\n').length).toBeLessThan(120);
    expect(doc.text.length).toBeGreaterThanOrEqual(MAX_TEXT_CHARS);
    expect(doc.provenance.textLimit).toBe(`cut after ${MAX_TEXT_CHARS} characters`);
  });
});

describe('more bodies from templates nobody wrote for the extractor (#13)', () => {
  const page = (body: string) =>
    extractFromHtml(`<html><head><title>关于下达资金的通知_某站</title></head><body>${body}</body></html>`, 'http://x.gov.cn/a.html');

  it('takes a stub body after the heading, not the box around it with the attachment list', () => {
    const body =
      '<div class="content"><div class="article_title">关于下达资金的通知</div><div class="word_con"><div class="article_content">详见附件电子全文</div>' +
      '<div class="article_attachment"><span>附件下载</span><ul><li><a href="/f/1.pdf">关于下达资金的通知.pdf</a></li></ul></div></div></div>';
    expect(page(body)).toMatchObject({ text: '详见附件电子全文', provenance: { text: 'named-box' } });
  });

  it('takes a body that is one file link', () => {
    const body =
      '<div class="article_title">关于下达资金的通知</div><div class="article_content"><p><img src="/i/doc.gif"><a href="/f/2.doc">报名登记表.doc</a></p></div><div class="article_source">来源：某局</div>';
    expect(page(body).text).toBe('报名登记表.doc');
  });

  it('drops the headline of a header block repeated in the body, and keeps a headline that opens it', () => {
    const rows =
      '<table><tr><td><p>案件名称</p></td><td><p>某某案</p></td></tr><tr><td><p>处罚决定</p></td><td><p>罚款人民币三万元，没收违法所得。</p></td></tr></table>';
    const repeated = page(`<h1>关于下达资金的通知</h1><div class="c"><p>关于下达资金的通知</p><p>发布时间：2022年12月21日 信息来源：某局</p>${rows}</div>`);
    expect(repeated.text.split('\n')[0]).toBe('案件名称 某某案');
    const opening = page(`<h1>关于下达资金的通知</h1><div class="c"><p>关于下达资金的通知</p><p>${PARA[0]}</p><p>${PARA[1]}</p></div>`);
    expect(opening.text.split('\n')[0]).toBe('关于下达资金的通知');
  });

  it("keeps a Word table (cells of <p>) whole, and a layout table's article cell alone", () => {
    const cells = (a: string, b: string) => `<tr><td><p>${a}</p></td><td><p>${b}</p></td></tr>`;
    const word = `<table>${cells('决定书文号', '某罚〔2022〕1号')}${cells('违法事实', '经查，当事人未取得执业资格擅自执业，违反了有关规定。')}${cells('处罚结果', '没收违法所得一千四百元，罚款人民币三万元。')}</table>`;
    expect(page(`${SIDEBAR}<div class="x">${word}</div>`).text.split('\n')[0]).toBe('决定书文号 某罚〔2022〕1号');
    const layout = `<table><tr><td>${SIDEBAR}</td><td>${P_HTML}</td></tr><tr><td colspan="2"><p>主办单位：某某县人民政府办公室 版权所有</p></td></tr></table>`;
    expect(page(layout).text).toBe(PARA.join('\n'));
  });
});
