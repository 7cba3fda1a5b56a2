import { describe, expect, it } from 'vitest';
import type { SinkConfig } from '../../src/config/schema.js';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import { BUREAU, archiveForMessages } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js';

const LOGIN = { user: 'alerts@bureau.example', pass: 'p4ss-w0rd-SMTP' };
const TO = ['archivist@example.org', 'desk@example.org'];

function email(receiver: SmtpReceiver, extra: Partial<Extract<SinkConfig, { type: 'email' }>> = {}): SinkConfig {
  return {
    type: 'email',
    host: '127.0.0.1',
    port: receiver.port,
    security: 'starttls',
    caFile: receiver.caFile,
    user: LOGIN.user,
    password: LOGIN.pass,
    from: 'bureau-watch <alerts@bureau.example>',
    to: TO,
    timeoutMs: 5_000,
    retries: 2,
    backoffMs: 5,
    template: {},
    ...extra,
  };
}

describe('email sink', () => {
  it('sends one mail per event to every recipient over STARTTLS with a login, in Chinese by default', async () => {
    const test = archiveForMessages(['2024年工作要点<script>alert(1)</script>', '关于放假的通知', '2024年工作计划']);
    const receiver = await startSmtpReceiver({ login: LOGIN });
    const [report] = await deliverPending(test.db, [email(receiver)], { log: captureLog().logger });

    expect(report).toMatchObject({ delivered: 3, pending: 0, error: null });
    expect(receiver.mails).toHaveLength(3);
    const [mail] = receiver.mails;
    expect(mail!.secure).toBe(true);
    expect(mail!.user).toBe(LOGIN.user);
    expect(mail!.envelope).toEqual({ from: 'alerts@bureau.example', to: TO });
    expect(mail!.parsed.subject).toBe(`【新发布】${BUREAU.name}：2024年工作要点<script>alert(1)</script>`);
    expect(mail!.parsed.messageId).toBe(`<${test.events[0]!.id}@bureau-watch.invalid>`);
    expect(mail!.parsed.text).toContain(`来源：${BUREAU.name}\n发布日期：2024-03-01\n提醒规则：new-plan\n`);
    expect(mail!.parsed.text).toContain('原文链接：http://bureau.example/art/2024/3/1_a.html');
    expect(mail!.parsed.html).toContain('2024年工作要点&lt;script&gt;alert(1)&lt;&#x2F;script&gt;');
    expect(mail!.parsed.html).not.toContain('<script>');
    expect(mail!.parsed.html).toContain('<a href="http:&#x2F;&#x2F;bureau.example&#x2F;art&#x2F;2024&#x2F;3&#x2F;1_a.html">查看原文</a>');
  });

  it('speaks TLS from the first byte with security: tls', async () => {
    const test = archiveForMessages();
    const receiver = await startSmtpReceiver({ implicitTls: true, login: LOGIN });
    const [report] = await deliverPending(test.db, [email(receiver, { security: 'tls' })], { log: captureLog().logger });
    expect(report).toMatchObject({ delivered: 3, error: null });
    expect(receiver.mails.every((mail) => mail.secure)).toBe(true);
  });

  it('refuses to send in clear when the server offers no STARTTLS', async () => {
    const test = archiveForMessages();
    const receiver = await startSmtpReceiver({ noStartTls: true });
    const [report] = await deliverPending(test.db, [email(receiver, { user: undefined, password: undefined })], { log: captureLog().logger });
    expect(report).toMatchObject({ delivered: 0, pending: 3, error: expect.stringMatching(/STARTTLS/i) });
    expect(receiver.mailFromCount()).toBe(0);
  });

  it('does not trust a self-signed certificate unless caFile names it', async () => {
    const test = archiveForMessages();
    const receiver = await startSmtpReceiver({ login: LOGIN });
    const [report] = await deliverPending(test.db, [email(receiver, { caFile: undefined })], { log: captureLog().logger });
    expect(report).toMatchObject({ delivered: 0, pending: 3, error: expect.stringMatching(/self[- ]signed/i) });
    expect(receiver.mails).toHaveLength(0);
  });

  it('retries a temporary SMTP refusal (451) and keeps the cursor on a permanent one (550)', async () => {
    const test = archiveForMessages();
    const receiver = await startSmtpReceiver({
      login: LOGIN,
      answer: (index) => (index === 0 ? { code: 451, message: 'Try again later' } : index === 2 ? { code: 550, message: 'Mailbox unavailable' } : null),
    });
    const { logger: log, text: output } = captureLog();
    const [report] = await deliverPending(test.db, [email(receiver, { id: 'mail' })], { log });
    expect(report).toMatchObject({ delivered: 1, pending: 2, error: expect.stringMatching(/550 Mailbox unavailable/) });
    expect(receiver.mails.map((mail) => mail.parsed.messageId)).toEqual([`<${test.events[0]!.id}@bureau-watch.invalid>`]);
    expect(output()).toMatch(/451 Try again later/);
    expect(listCursors(test.db)).toMatchObject([{ sinkId: 'mail', deliveredSeq: test.events[0]!.seq, failedAttempts: 1 }]);
  });

  it('fails at once on a wrong password and never logs or stores it', async () => {
    const test = archiveForMessages();
    const receiver = await startSmtpReceiver({ login: LOGIN });
    const { logger: log, text: output } = captureLog();
    const [report] = await deliverPending(test.db, [email(receiver, { password: 'wrong-Passw0rd' })], { log });
    expect(report).toMatchObject({ delivered: 0, pending: 3, error: expect.stringMatching(/535/) });
    expect(`${output()}${JSON.stringify(listCursors(test.db))}${report!.error}`).not.toMatch(/wrong-Passw0rd|p4ss-w0rd-SMTP/);
    expect(listCursors(test.db)[0]!.sinkId).toMatch(/^email:[0-9a-f]{16}$/);
  });
});
