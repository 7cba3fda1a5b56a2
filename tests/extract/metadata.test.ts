import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';

function read(body: string) {
  const doc = extractFromHtml(`<html><head><title>某页</title></head><body>${body}</body></html>`, 'http://x.gov.cn/a.html');
  return { fields: doc.fields, labels: doc.labels, provenance: doc.provenance, text: doc.text };
}

describe('metadata layouts', () => {
  it('reads two-cell rows with <b> labels (gov.cn)', () => {
    const { fields, provenance } = read(
      '<table><tr><td><b>索 引 号：</b></td><td>000014349/2019-00007</td></tr><tr><td><b>发文字号：</b></td><td>国发〔2019〕5号</td></tr></table>',
    );
    expect(fields).toEqual({ indexNo: '000014349/2019-00007', docNo: '国发〔2019〕5号' });
    expect(provenance['fields.indexNo']).toBe('table:td-td');
  });

  it('reads four and six cells per row', () => {
    const { fields } = read(`<table>
      <tr><td>信息索引号</td><td>014028901/2021-00544</td><td>生成日期</td><td>2021-02-18</td><td>公开日期</td><td>2021-02-18</td></tr>
      <tr><td>发布机构</td><td>无锡市滨湖区教育局</td><td>体裁</td><td>意见</td></tr></table>`);
    expect(fields).toEqual({
      indexNo: '014028901/2021-00544',
      generatedDate: '2021-02-18',
      publishedDate: '2021-02-18',
      publisher: '无锡市滨湖区教育局',
      genre: '意见',
    });
  });

  it('reads th/td rows', () => {
    const { fields, provenance } = read('<table><tr><th>索引号</th><td>1/2024-1</td></tr><tr><th>发布机构</th><td>某局</td></tr></table>');
    expect(fields).toEqual({ indexNo: '1/2024-1', publisher: '某局' });
    expect(provenance['fields.publisher']).toBe('table:th-td');
  });

  it('reads dl/dt/dd', () => {
    const { fields, provenance } = read('<dl><dt>索引号：</dt><dd>1/2024-1</dd><dt>成文日期：</dt><dd>2024/3/1</dd></dl>');
    expect(fields).toEqual({ indexNo: '1/2024-1', writtenDate: '2024-03-01' });
    expect(provenance['fields.writtenDate']).toBe('dl:dt-dd');
  });

  it('reads <li><span>LABEL</span>：VALUE</li> and <li>LABEL：<font>VALUE</font></li>', () => {
    expect(read('<ul><li><span>索&nbsp;引&nbsp;号</span>：1/2024-1</li><li><span>发布机构</span>：某局</li></ul>').fields).toEqual({
      indexNo: '1/2024-1',
      publisher: '某局',
    });
    expect(read('<ul><li>索引号：<font>1/2024-1</font></li><li>发布机构：<font>某局</font></li></ul>').fields).toEqual({
      indexNo: '1/2024-1',
      publisher: '某局',
    });
  });

  it('reads span name/value pairs and sibling name/value boxes', () => {
    expect(
      read(
        '<div><span class="name">索引号：</span><span class="value">1/2024-1</span></div><div><span class="name">发布机构：</span><span class="value">某局</span></div>',
      ).fields,
    ).toEqual({ indexNo: '1/2024-1', publisher: '某局' });
    const boxes = read(
      '<div class="g"><div class="c"><div class="name">索引号</div><div class="value">1/2024-1</div></div><div class="c"><div class="name">发布机构</div><div class="value">某局</div></div></div>',
    );
    expect(boxes.fields).toEqual({ indexNo: '1/2024-1', publisher: '某局' });
    expect(boxes.provenance['fields.indexNo']).toBe('inline:name-value');
  });

  it('reads label and value in one cell', () => {
    const { fields, provenance } = read('<table><tr><td>发布机构：浙江省教育厅</td><td>索引号：002482870/2024-00088</td></tr></table>');
    expect(fields).toEqual({ publisher: '浙江省教育厅', indexNo: '002482870/2024-00088' });
    expect(provenance['fields.publisher']).toBe('table:one-cell');
  });

  it('reads a header row of labels over a row of values', () => {
    expect(read('<table><tr><td>索引号</td><td>发布机构</td></tr><tr><td>1/2024-1</td><td>某局</td></tr></table>').fields).toEqual({
      indexNo: '1/2024-1',
      publisher: '某局',
    });
  });

  it('reads values wrapped in CMS comment markers', () => {
    const { fields } = read(
      '<table><tr><td>索引号</td><td><!--<$[SYH]>-->014006438/2026-03652<!--<$[SYH]>--></td><td>发布机构</td><td><!--<$[SYH]>-->某局<!--<$[SYH]>--></td></tr></table>',
    );
    expect(fields).toEqual({ indexNo: '014006438/2026-03652', publisher: '某局' });
  });

  it('merges 主题(一级) and 主题(二级) into one category', () => {
    expect(
      read('<table><tr><td>主题（一级）</td><td>科技、教育</td><td>主题(二级)</td><td>教育</td></tr><tr><td>索引号</td><td>1</td></tr></table>').fields
        .category,
    ).toBe('科技、教育\\教育');
  });
});

describe('metadata values', () => {
  it('leaves placeholders out of fields but keeps them in labels', () => {
    const { fields, labels } = read(
      '<table><tr><td>索引号</td><td>1/2024-1</td><td>文号</td><td>—&nbsp; —</td></tr><tr><td>有效期</td><td>无</td><td>体裁</td><td>/</td><td>关键词</td><td></td></tr></table>',
    );
    expect(fields).toEqual({ indexNo: '1/2024-1' });
    expect(labels).toEqual({ 索引号: '1/2024-1', 文号: '— —', 有效期: '无', 体裁: '/' });
  });

  it('lets the more specific label win whatever the order', () => {
    const { fields } = read(
      '<table><tr><td>文号</td><td>甲〔2024〕1号</td><td>发文字号</td><td>乙〔2024〕1号</td></tr><tr><td>信息来源</td><td>办公室</td><td>发布机构</td><td>某局</td></tr></table>',
    );
    expect(fields).toEqual({ docNo: '乙〔2024〕1号', publisher: '某局' });
  });

  it('keeps 生成日期 as generatedDate, never writtenDate', () => {
    expect(read('<table><tr><td>生成日期</td><td>2021-02-18</td><td>索引号</td><td>1</td></tr></table>').fields).toEqual({
      generatedDate: '2021-02-18',
      indexNo: '1',
    });
  });

  it('normalises every date format', () => {
    const { fields } = read(
      '<table><tr><td>成文日期</td><td>2021年2月8日</td><td>发布日期</td><td>2021.02.18 14:06</td><td>生成日期</td><td>2021/2/18</td></tr></table>',
    );
    expect(fields).toEqual({ writtenDate: '2021-02-08', publishedDate: '2021-02-18', generatedDate: '2021-02-18' });
  });

  it('ignores commented-out rows and hidden elements', () => {
    const { fields, labels } = read(`<div class="meta"><p><strong>索引号</strong>：1/2024-1</p><p><strong>发布机构</strong>：某局</p>
      <!--<p><strong>成文日期</strong>：2020年08月02日</p>--><p style="display:none"><strong>主题词</strong>：安全</p><p hidden>有效期：长期</p></div>`);
    expect(fields).toEqual({ indexNo: '1/2024-1', publisher: '某局' });
    expect(Object.keys(labels)).toEqual(['索引号', '发布机构']);
  });

  it('leaves cells filled by script out', () => {
    const { fields, labels } = read(
      '<table><tr><td>索引号</td><td>1</td><td>发布日期</td><td id="d"></td></tr></table><script>d.innerHTML="2024-01-01"</script>',
    );
    expect(fields).toEqual({ indexNo: '1' });
    expect(labels).not.toHaveProperty('发布日期');
  });

  it('folds source whitespace in values but keeps U+3000 separators', () => {
    expect(read('<table><tr><td>主题词</td><td>\n  经济管理　考察\n  函 </td><td>索引号</td><td>1</td></tr></table>').fields.keywords).toBe(
      '经济管理　考察 函',
    );
  });
});

describe('what is not metadata', () => {
  it('does not read a body data table with a 名称 column', () => {
    const { fields, text } = read(
      '<div class="c"><p>经费安排如下，请各单位按照要求做好预算执行工作。</p><table><tr><td>名称</td><td>数量</td></tr><tr><td>校舍维修</td><td>12</td></tr></table><p>以上经费由区财政统筹安排，专款专用，不得挪作他用。</p></div>',
    );
    expect(fields).toEqual({});
    expect(text).toContain('校舍维修');
  });

  it('does not read a label mentioned inside prose', () => {
    const prose =
      '<p>根据要求，各单位应在公开前核对信息，包括标题：应与正式文件一致，文号：应完整准确，并于规定时间内完成录入工作，确保信息准确无误，逾期未报送的将予以通报。</p>';
    expect(read(`<div>${prose}${prose}</div>`).fields).toEqual({});
  });

  it('takes only the date from a lone header line', () => {
    const { fields, labels } = read('<h1>标题</h1><div class="post-meta">发布时间：2024-03-08 分类：随笔 来源：网络</div>');
    expect(fields).toEqual({ publishedDate: '2024-03-08' });
    expect(labels).toMatchObject({ 发布时间: '2024-03-08', 分类: '随笔', 来源: '网络' });
  });

  it('ends a header value at a | separator', () => {
    expect(read('<div class="info">发布时间：2024年05月05日 | <a href="#">字体放大</a> | <a href="#">字体缩小</a></div>').labels).toEqual({
      发布时间: '2024年05月05日',
    });
  });

  it('takes a 信息来源 line for no publisher', () => {
    expect(read('<div class="info"><span>发布日期：2016-11-22</span> <span>信息来源：省发改委</span></div>').fields).toEqual({ publishedDate: '2016-11-22' });
  });

  it('reads the table next to Hanweb markers but not labels between them', () => {
    const doc = read(`<div class="main"><table><tr><td>索引号</td><td>1/2024-1</td><td>发布机构</td><td>某局</td></tr></table>
      <!--ZJEG_RSS.content.begin--><p>一、文号：各单位报送材料时须注明。</p><ul><li>发文字号：乙〔2024〕1号</li><li>成文日期：2024-01-01</li></ul><!--ZJEG_RSS.content.end--></div>`);
    expect(doc.fields).toEqual({ indexNo: '1/2024-1', publisher: '某局' });
    expect(doc.text).toBe('一、文号：各单位报送材料时须注明。\n发文字号：乙〔2024〕1号\n成文日期：2024-01-01');
  });

  it('keeps the metadata block out of the main text', () => {
    const { text } = read(
      '<div class="art"><table><tr><td>索引号</td><td>1/2024-1</td><td>发布机构</td><td>某局</td></tr></table><p>正文第一段，内容足够长，包含标点符号，说明具体事项。</p><p>正文第二段，同样包含标点符号，用于测试正文抽取。</p></div>',
    );
    expect(text).toBe('正文第一段，内容足够长，包含标点符号，说明具体事项。\n正文第二段，同样包含标点符号，用于测试正文抽取。');
  });
});

describe('layouts of pages nobody wrote for the extractor (#13)', () => {
  it('reads labels closed by brackets, one a line: 【文号】 …<br>【成文日期】 …', () => {
    const { fields, labels } = read(
      '<div class="wh">【文&ensp;&ensp;号】 某医保发〔2021〕14号<br>【成文日期】 2021-07-28<br>【是否有效】 全文有效</div><div id="zoom"><p>正文。</p></div>',
    );
    expect(fields).toEqual({ docNo: '某医保发〔2021〕14号', writtenDate: '2021-07-28', validity: '全文有效' });
    expect(labels).toMatchObject({ 文号: '某医保发〔2021〕14号', 是否有效: '全文有效' });
  });

  it('reads one line naming a document number and a written date as a metadata block', () => {
    const { fields } = read(
      '<div class="tit">某某办法</div><div class="tit1">（发文字号：某水规〔2025〕1号 成文日期：2025-12-19）</div><div class="text"><p>正文。</p></div>',
    );
    expect(fields).toEqual({ docNo: '某水规〔2025〕1号', writtenDate: '2025-12-19' });
  });

  it('keeps a lone 发布时间： … 分类： line a header line: its date only', () => {
    expect(read('<p class="meta">发布时间：2024-03-08 分类：随笔</p><div><p>正文内容，足够成为一个段落。</p></div>').fields).toEqual({
      publishedDate: '2024-03-08',
    });
  });

  it('keeps every pair of a metadata block, also lines with labels no list names (信息类型：…)', () => {
    const { labels } = read(
      '<ul class="xxgk"><li>索引号：1/2024-1</li><li>发布机构：某局</li><li>信息类型：工作方案</li><li>文号：某发〔2024〕1号 审批部门：市局</li></ul>',
    );
    expect(labels).toMatchObject({ 信息类型: '工作方案', 审批部门: '市局', 发布机构: '某局' });
  });

  it('never reads a salutation beside a metadata block as a pair', () => {
    const { labels, text } = read('<div><p>索引号：1/2024-1</p><p>发布机构：某局</p><p>各有关单位：</p><p>现将有关事项通知如下，请认真贯彻执行。</p></div>');
    expect(labels).not.toHaveProperty('各有关单位');
    expect(text).toContain('各有关单位：');
  });

  it('keeps no pair for the font-size widget, and never takes a tool beside a block for a name box', () => {
    const { labels } = read(
      '<div class="tabs"><a href="javascript:;">文件下载</a></div><div class="wh">（发文字号：某发〔2024〕1号 成文日期：2024-01-02）</div><div class="info">来源：某局 字号：[大] [中] [小]</div><div class="body"><p>各单位：现将有关事项通知如下，请认真贯彻执行。</p></div>',
    );
    expect(labels).toMatchObject({ 发文字号: '某发〔2024〕1号', 来源: '某局' });
    expect(labels).not.toHaveProperty('字号');
    expect(labels).not.toHaveProperty('文件下载');
  });
});
