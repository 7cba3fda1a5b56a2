import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliverPending } from '../../src/events/delivery.js';
import { BUREAU, archiveForMessages } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { robotSink, startReceiver } from '../helpers/receiver.js';

const SECRET = 'SECf00dbabe0123456789abcdef';
const OK_DINGTALK = { reply: { errcode: 0, errmsg: 'ok' } };
const OK_FEISHU = { reply: { code: 0, msg: 'success', data: {} } };

describe('DingTalk robot sink', () => {
  it('signs each request as DingTalk defines it and sends a Markdown message per event', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK_DINGTALK);
    const before = Date.now();
    const [report] = await deliverPending(test.db, [robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=tok123`, { secret: SECRET })], {
      log: captureLog().logger,
    });

    expect(report).toMatchObject({ delivered: 3, filtered: 0, pending: 0, error: null });
    expect(receiver.requests).toHaveLength(3);
    for (const request of receiver.requests) {
      expect(request.url.pathname).toBe('/robot/send');
      expect(request.url.searchParams.get('access_token')).toBe('tok123');
      const timestamp = request.url.searchParams.get('timestamp')!;
      expect(Number(timestamp)).toBeGreaterThanOrEqual(before); // milliseconds
      expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
      // DingTalk: urlEncode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret))).
      const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`, 'utf8').digest('base64');
      expect(request.url.searchParams.get('sign')).toBe(expected);
      expect(request.url.search).toContain(`sign=${encodeURIComponent(expected)}`);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
    }
    const first = receiver.requests[0]!.json as { msgtype: string; markdown: { title: string; text: string } };
    expect(first.msgtype).toBe('markdown');
    expect(first.markdown.title).toBe('【新发布】2024年工作要点');
    expect(first.markdown.text).toBe(
      [
        '### 新发布：2024年工作要点',
        '',
        `- 来源：${BUREAU.name}`,
        '- 发布日期：2024-03-01',
        '- 提醒规则：new-plan',
        `- 记录时间：${chinaTime(test.events[0]!.at)}（北京时间）`,
        '',
        '[查看原文](http://bureau.example/art/2024/3/1_a.html)',
      ].join('\n'),
    );
    const second = (receiver.requests[1]!.json as { markdown: { text: string } }).markdown.text;
    expect(second).not.toMatch(/发布日期|提醒规则/); // no date, no alert: the lines are left out
    const third = (receiver.requests[2]!.json as { markdown: { text: string } }).markdown.text;
    expect(third).toContain('- 来源：other-bureau'); // a source without a name shows its id
    expect(third).toContain('[查看原文](http://other.example/c%283%29.html)');
  });

  it('sends no signature without a secret, and uses per-sink templates', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK_DINGTALK);
    const template = { title: '{{sourceName}}', text: '{{title}}|{{publishedDate}}|{{alerts}}|{{url}}' };
    await deliverPending(test.db, [robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=t`, { template })], { log: captureLog().logger });
    expect(receiver.requests[0]!.url.searchParams.has('sign')).toBe(false);
    expect(receiver.requests[0]!.json).toEqual({
      msgtype: 'markdown',
      markdown: { title: BUREAU.name, text: '2024年工作要点|2024-03-01|new-plan|http://bureau.example/art/2024/3/1_a.html' },
    });
  });
});

describe('Feishu robot sink', () => {
  it('puts timestamp and sign in the body as Feishu defines them and sends a card', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK_FEISHU);
    const before = Math.floor(Date.now() / 1000);
    const [report] = await deliverPending(test.db, [robotSink('feishu', `${receiver.origin}/open-apis/bot/v2/hook/abc-123`, { secret: SECRET })], {
      log: captureLog().logger,
    });

    expect(report).toMatchObject({ delivered: 3, pending: 0, error: null });
    for (const request of receiver.requests) {
      const { timestamp, sign } = request.json as { timestamp: string; sign: string };
      expect(typeof timestamp).toBe('string');
      expect(Number(timestamp)).toBeGreaterThanOrEqual(before); // seconds
      expect(Number(timestamp)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      // Feishu: base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)).
      expect(sign).toBe(createHmac('sha256', `${timestamp}\n${SECRET}`).update(Buffer.alloc(0)).digest('base64'));
    }
    const body = receiver.requests[0]!.json as {
      msg_type: string;
      card: { header: { title: { content: string } }; elements: { text: { tag: string; content: string } }[] };
    };
    expect(body.msg_type).toBe('interactive');
    expect(body.card.header.title.content).toBe('【新发布】2024年工作要点');
    expect(body.card.elements[0]!.text.tag).toBe('lark_md');
    expect(body.card.elements[0]!.text.content).toContain(`- 来源：${BUREAU.name}`);
    expect(body.card.elements[0]!.text.content).toContain('[查看原文](http://bureau.example/art/2024/3/1_a.html)');
  });

  it('treats a non-zero code in an HTTP 200 reply as a failure (bad signature: no retry)', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => ({
      reply: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} },
    }));
    const [report] = await deliverPending(test.db, [robotSink('feishu', `${receiver.origin}/open-apis/bot/v2/hook/x`, { secret: 'wrong' })], {
      log: captureLog().logger,
    });
    expect(receiver.requests).toHaveLength(1);
    expect(report).toMatchObject({ delivered: 0, pending: 3 });
    expect(report!.error).toMatch(/feishu http:\/\/127\.0\.0\.1:\d+ refused the message: code 19021: sign match fail/);
  });
});

describe('WeCom robot sink', () => {
  it('posts Markdown content to the key URL, unsigned', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK_DINGTALK);
    const [report] = await deliverPending(test.db, [robotSink('wecom', `${receiver.origin}/cgi-bin/webhook/send?key=693a91f6-7xxx`)], {
      log: captureLog().logger,
    });
    expect(report).toMatchObject({ delivered: 3, error: null });
    const request = receiver.requests[0]!;
    expect(request.url.search).toBe('?key=693a91f6-7xxx');
    expect(Object.keys(request.json)).toEqual(['msgtype', 'markdown']);
    expect((request.json as { markdown: { content: string } }).markdown.content).toMatch(/^### 新发布：2024年工作要点\n/);
  });

  it('retries a rate-limit reply (errcode 45009) and then delivers', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver((_request, index) => (index < 2 ? { reply: { errcode: 45009, errmsg: 'api freq out of limit' } } : OK_DINGTALK));
    const { logger: log, text: output } = captureLog();
    const [report] = await deliverPending(test.db, [robotSink('wecom', `${receiver.origin}/cgi-bin/webhook/send?key=k`)], { log });
    expect(report).toMatchObject({ delivered: 3, pending: 0, error: null });
    expect(receiver.requests).toHaveLength(5);
    expect(output()).toContain('errcode 45009: api freq out of limit');
  });
});

function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
