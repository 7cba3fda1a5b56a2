import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import type { HealthEvent } from '../../src/events/event.js';
import { insertHealthEvent, listDocumentEvents, listEvents } from '../../src/events/outbox.js';
import { defaultTemplates, messageView, renderTemplate } from '../../src/events/sinks/templates.js';
import { feedFromEvents } from '../../src/export/atom-entries.js';
import { readFeedEvents } from '../../src/export/atom-events.js';
import { openTestArchive, snapshot } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver } from '../helpers/receiver.js';

const FAILED: HealthEvent = {
  id: '5f0c2a8e-1b7d-4c3e-9f21-0a6b8c4d2e19',
  type: 'source.failed',
  at: '2024-03-08T01:02:03.000Z',
  source: 'binhu-edu',
  reason: 'http://x.example/xxgk/ answered 404 (check startUrls) [链接](http://evil.example)',
  alerts: ['ops'],
};
const DETAILS = { sourceName: '无锡市滨湖区教育局', publishedDate: null };

describe('health events in every sink', () => {
  it('renders a chat message and a mail in Chinese by default (【采集失败】), the reason made safe', () => {
    const templates = defaultTemplates(FAILED);
    const markdown = messageView(FAILED, DETAILS, 'markdown');
    expect(renderTemplate(templates.robot.title, markdown, 'markdown')).toBe('【采集失败】无锡市滨湖区教育局');
    const text = renderTemplate(templates.robot.text, markdown, 'markdown');
    expect(text).toContain('### 采集失败：无锡市滨湖区教育局');
    expect(text).toContain('- 原因：http://x.example/xxgk/ answered 404 （check startUrls） ［链接］（http://evil.example）');
    expect(text).toContain('- 提醒规则：ops');
    expect(text).not.toContain('](');
    const plain = messageView(FAILED, DETAILS, 'text');
    expect(renderTemplate(templates.email.subject, plain, 'text')).toBe('【采集失败】无锡市滨湖区教育局');
    expect(renderTemplate(templates.email.text, plain, 'text')).toContain('原因：http://x.example/xxgk/ answered 404');
    const recovered = messageView({ ...FAILED, type: 'source.recovered' }, DETAILS, 'markdown');
    expect(renderTemplate(defaultTemplates({ type: 'source.recovered' }).robot.title, recovered, 'markdown')).toBe('【采集恢复】无锡市滨湖区教育局');
  });

  it("sends the contract's shape (source and reason, no document fields) to ndjson/stdout/webhook, and filters by type", async () => {
    const test = openTestArchive({ sources: ['alpha'] });
    test.record(snapshot('http://127.0.0.1/alpha/1.html', { title: '一' }));
    const recorded = insertHealthEvent(test.db, FAILED, ['ops']);
    const receiver = await startReceiver();
    const { stdout, lines } = capturedStdout();
    const reports = await deliverPending(
      test.db,
      [
        { type: 'stdout' },
        { type: 'webhook', url: receiver.url, timeoutMs: 2_000, retries: 0, backoffMs: 5, concurrency: 1, filter: { types: ['source.failed'] } },
      ],
      { log: captureLog().logger, stdout },
    );
    expect(reports.map((report) => [report.delivered, report.filtered])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const expected = { id: recorded.id, type: 'source.failed', at: FAILED.at, source: 'binhu-edu', reason: FAILED.reason, alerts: ['ops'] };
    expect(JSON.parse(lines()[1]!)).toEqual(expected);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual(expected);
    expect(listDocumentEvents(test.db).map((event) => event.type)).toEqual(['document.created']);
  });

  it('makes an Atom entry of a health event: label, source and reason, no link to a document', () => {
    const test = openTestArchive({ sources: ['binhu-edu'] });
    const recorded = insertHealthEvent(test.db, FAILED, []);
    const feed = feedFromEvents({}, readFeedEvents(test.db, {}, 10), { now: new Date(FAILED.at) });
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]).toMatchObject({
      id: `urn:uuid:${recorded.id}`,
      title: '【采集失败】binhu-edu bureau',
      summary: `原因：${FAILED.reason}；来源：binhu-edu bureau（binhu-edu）`,
      categories: [{ term: 'source.failed', label: '采集失败' }],
    });
    expect(feed.entries[0]).not.toHaveProperty('link');
  });

  it('lets an alert rule match health events by type (a title condition never matches them)', () => {
    const config = parseConfigText('alerts:\n  - name: ops\n    on: [source.failed, source.silent]\n', 'test.yaml', {});
    expect(config.alerts[0]!.on).toEqual(['source.failed', 'source.silent']);
    expect(() => parseConfigText('alerts:\n  - name: x\n    on: [source.nope]\n', 'test.yaml', {})).toThrow(/alerts\.0\.on\.0/);
  });
});

describe('startAt: where a new sink begins', () => {
  it('defaults to now for chat robots and mail (no flood of history), beginning for files and webhooks', () => {
    const config = parseConfigText(
      [
        'sinks:',
        '  - { type: ndjson, path: a.ndjson }',
        '  - { type: webhook, url: "https://hooks.example.org/x" }',
        '  - { type: dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=t" }',
        '  - { type: email, host: smtp.example.org, from: a@example.org, to: [b@example.org] }',
        '  - { type: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", startAt: beginning }',
      ].join('\n'),
      'test.yaml',
      {},
    );
    expect(config.sinks.map((sink) => sink.startAt)).toEqual(['beginning', 'beginning', 'now', 'now', 'beginning']);
  });

  it("with now, sends only the events recorded after the sink's first delivery", async () => {
    const test = openTestArchive({ sources: ['alpha'] });
    for (const n of [1, 2, 3]) test.record(snapshot(`http://127.0.0.1/alpha/${n}.html`, { title: `旧${n}` }));
    const { stdout, lines } = capturedStdout();
    const log = captureLog();
    const [first] = await deliverPending(test.db, [{ type: 'stdout', startAt: 'now' }], { log: log.logger, stdout });
    expect(first).toMatchObject({ delivered: 0, pending: 0 });
    expect(log.lines.some((line) => line.msg === 'new sink (startAt: now): events recorded before now are not sent to it')).toBe(true);
    test.record(snapshot('http://127.0.0.1/alpha/4.html', { title: '新4' }));
    const [second] = await deliverPending(test.db, [{ type: 'stdout', startAt: 'now' }], { log: log.logger, stdout });
    expect(second).toMatchObject({ delivered: 1 });
    expect(lines().map((line) => (JSON.parse(line) as { title: string }).title)).toEqual(['新4']);
    expect(listCursors(test.db)[0]!.deliveredSeq).toBe(listEvents(test.db).at(-1)!.seq);
  });
});

/** A stdout for the stdout sink, and the lines printed on it. */
function capturedStdout(): { stdout: PassThrough; lines: () => string[] } {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return { stdout, lines: () => printed.split('\n').filter(Boolean) };
}
