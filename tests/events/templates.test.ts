import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import type { ChangeEvent } from '../../src/events/event.js';
import { DEFAULT_TEMPLATES, messageView, renderTemplate } from '../../src/events/sinks/templates.js';
import { changeSummaryText, linkUrl, markdownValue } from '../../src/events/sinks/template-values.js';

const HOSTILE_TITLE =
  '[点我](http://evil.example/x) <font color="warning">**急**</font>\n# 标题 <at user_id="all">所有人</at> \u001b[31m_x_ `c` |a|b| ![i](http://evil.example/i.png)';

const EVENT: ChangeEvent = {
  id: '0b6a3c9e-2f55-4b1e-9a43-7f1f7c0d2a11',
  type: 'document.updated',
  at: '2024-03-08T01:02:03.000Z',
  source: 'binhu-edu',
  documentId: '9484de7d2b7ea280',
  url: 'http://bureau.example/a.html',
  title: HOSTILE_TITLE,
  version: 2,
  alerts: ['repealed'],
  changes: { titleChanged: true, fieldsChanged: ['validity'], paragraphsAdded: 2, paragraphsRemoved: 1 },
};
const DETAILS = { sourceName: '无锡市滨湖区教育局', publishedDate: '2024-03-01' };

describe('message templates', () => {
  it("renders the default robot Markdown with the only link being the document's", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.robot.text, messageView(EVENT, DETAILS, 'markdown'), 'markdown');
    expect(text.match(/\]\(/g)).toHaveLength(1);
    expect(text).toContain('[查看原文](http://bureau.example/a.html)');
    expect(text).not.toMatch(/evil\.example\/x\)|<font|<at|\*\*|\u001b|`|\|a\|/);
    // The title is one line: it cannot open a heading, list or quote of its own.
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(1);
    expect(text).toContain('### 有更新：［点我］（http://evil.example/x） ＜font color="warning"＞＊＊急＊＊＜/font＞ ＃ 标题');
    expect(text).toContain('- 变化：标题有变化；效力状况有变化；新增 2 段，删除 1 段');
    expect(text).toContain('- 记录时间：2024-03-08 09:02（北京时间）');
  });

  it('escapes the HTML mail body and keeps the text mail body to printable single lines', () => {
    const event = { ...EVENT, title: '<script>alert(1)</script>\r\nBcc: victim@example.org' };
    const html = renderTemplate(DEFAULT_TEMPLATES.email.html, messageView(event, DETAILS, 'html'), 'html');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt; Bcc: victim@example.org');
    expect(html).not.toContain('<script>');
    const subject = renderTemplate(DEFAULT_TEMPLATES.email.subject, messageView(event, DETAILS, 'text'), 'text');
    expect(subject).toBe('【有更新】无锡市滨湖区教育局：<script>alert(1)</script> Bcc: victim@example.org');
  });

  it('cuts a very long title and never emits a non-http link', () => {
    const view = messageView({ ...EVENT, title: '长'.repeat(5_000), url: 'javascript:alert(1)' }, DETAILS, 'markdown');
    expect(Array.from(view.title)).toHaveLength(200);
    expect(view.url).toBe('');
    expect(linkUrl('http://x.example/a b(1)[2]<3>"\'.html')).toBe('http://x.example/a%20b%281%29%5B2%5D%3C3%3E%22%27.html');
  });

  it('summarises changes in Chinese only for updates', () => {
    expect(changeSummaryText(EVENT)).toBe('标题有变化；效力状况有变化；新增 2 段，删除 1 段');
    expect(changeSummaryText({ type: 'document.updated', changes: { paragraphsRemoved: 3 } })).toBe('删除 3 段');
    expect(changeSummaryText({ type: 'document.created' })).toBe('');
    expect(markdownValue('a\\b')).toBe('a＼b');
  });

  it('rejects a template with an unclosed section at config time, naming the key path', () => {
    const config = 'sinks:\n  - type: wecom\n    url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\n    template:\n      text: "{{#alerts}}提醒"\n';
    expect(() => parseConfigText(config, 'test.yaml', {})).toThrow(/sinks\.0\.template\.text.*Mustache/);
  });
});
