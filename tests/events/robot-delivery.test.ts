import { describe, expect, it } from 'vitest';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import { addDocuments, archiveForMessages } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { robotSink, startReceiver } from '../helpers/receiver.js';

const OK = { reply: { errcode: 0, errmsg: 'ok' } };
const TOKEN = 'a1b2c3d4e5f6TOKEN';
const SECRET = 'SECsupersecretvalue';

describe('chat robot delivery', () => {
  it('keeps every event for a robot that is down and delivers them later, in order, once each', async () => {
    const test = archiveForMessages();
    const down = await startReceiver(() => ({ status: 503, reply: 'busy' }));
    const sink = (origin: string) => robotSink('dingtalk', `${origin}/robot/send?access_token=${TOKEN}`, { id: 'ops-group', retries: 2 });
    const [first] = await deliverPending(test.db, [sink(down.origin)], { log: captureLog().logger });
    expect(first).toMatchObject({ delivered: 0, pending: 3, error: expect.stringMatching(/HTTP 503/) });
    expect(down.requests).toHaveLength(3); // the first event, tried 1 + 2 times; the others never started
    expect(listCursors(test.db)).toMatchObject([{ sinkId: 'ops-group', deliveredSeq: 0, failedAttempts: 1 }]);

    addDocuments(test, 10, 12);
    const up = await startReceiver(() => OK);
    const [second] = await deliverPending(test.db, [sink(up.origin)], { log: captureLog().logger });
    const [third] = await deliverPending(test.db, [sink(up.origin)], { log: captureLog().logger });
    expect(second).toMatchObject({ delivered: 5, pending: 0, error: null });
    expect(third).toMatchObject({ delivered: 0, pending: 0 });
    const titles = up.requests.map((request) => (request.json as { markdown: { title: string } }).markdown.title);
    expect(titles).toEqual([
      '【新发布】2024年工作要点',
      '【新发布】关于放假的通知',
      '【新发布】2024年工作计划',
      '【新发布】第10号通知',
      '【新发布】第11号工作计划',
    ]);
    expect(listCursors(test.db)[0]).toMatchObject({ failedAttempts: 0, lastError: null });
  });

  it('stops at a refusal that will not pass (errcode 310000) without retrying, and keeps the cursor before it', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver((_request, index) => (index === 0 ? OK : { reply: { errcode: 310000, errmsg: 'keywords not in content' } }));
    const [report] = await deliverPending(test.db, [robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=t`)], { log: captureLog().logger });
    expect(receiver.requests).toHaveLength(2);
    expect(report).toMatchObject({ delivered: 1, pending: 2, error: expect.stringMatching(/refused the message: errcode 310000: keywords not in content/) });
    expect(listCursors(test.db)[0]!.deliveredSeq).toBe(test.events[0]!.seq);
  });

  it('retries a DingTalk rate-limit refusal (errcode 130101) with backoff', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver((_request, index) => (index === 0 ? { reply: { errcode: 130101, errmsg: 'send too fast' } } : OK));
    const [report] = await deliverPending(test.db, [robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=t`)], { log: captureLog().logger });
    expect(report).toMatchObject({ delivered: 3, error: null });
    expect(receiver.requests).toHaveLength(4);
  });

  it("treats a 200 reply that is not the robot's JSON as a failure", async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => ({ reply: '<html>portal login</html>' }));
    const [report] = await deliverPending(test.db, [robotSink('wecom', `${receiver.origin}/cgi-bin/webhook/send?key=k`)], { log: captureLog().logger });
    expect(report).toMatchObject({ delivered: 0, pending: 3, error: expect.stringMatching(/not JSON \(<html>portal login<\/html>\)/) });
  });

  it('spaces messages minIntervalMs apart', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK);
    await deliverPending(test.db, [robotSink('wecom', `${receiver.origin}/cgi-bin/webhook/send?key=k`, { minIntervalMs: 150 })], { log: captureLog().logger });
    const times = receiver.requests.map((request) => request.receivedAt);
    expect(times).toHaveLength(3);
    // Each send starts 150 ms after the previous one ended, so arrivals are at least that far apart.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(150);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(150);
  });

  it('never logs or stores the secret, the access token or the WeCom key', async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => ({ status: 500, reply: {} }));
    const { logger: log, text: output } = captureLog();
    await deliverPending(
      test.db,
      [
        robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=${TOKEN}`, { secret: SECRET, retries: 1 }),
        robotSink('wecom', `${receiver.origin}/cgi-bin/webhook/send?key=${TOKEN}WECOM`, { retries: 1 }),
        robotSink('feishu', `${receiver.origin}/open-apis/bot/v2/hook/${TOKEN}FEISHU`, { secret: SECRET, retries: 1 }),
      ],
      { log },
    );
    const stored = JSON.stringify(listCursors(test.db));
    for (const text of [output(), stored]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
    expect(output()).toContain(`dingtalk ${receiver.origin}`);
    expect(stored).toMatch(/"sinkId":"dingtalk:[0-9a-f]{16}"/);
  });
});
