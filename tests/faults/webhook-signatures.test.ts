import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import type { SinkConfig } from '../../src/config/schema.js';
import { deliverPending } from '../../src/events/delivery.js';
import { verifyWebhook } from '../../src/events/signature.js';
import { UsageError } from '../../src/errors.js';
import { archiveWithEvents } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver, type ReceivedRequest } from '../helpers/receiver.js';

/**
 * Webhooks signed after Standard Webhooks (id and timestamp signed: a replay can be refused), one
 * signature per secret for rotation, the contract's X-Bureau-Watch-Signature kept; warnings for a
 * webhook without secret or over plain http to another machine (webhook-security.process.test.ts).
 */
const NEW_SECRET = `whsec_${Buffer.from('a 32-byte key for the new secret').toString('base64')}`;
const OLD_SECRET = 'plain-old-shared-secret';

function headersOf(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

describe('Standard Webhooks signatures', () => {
  it('signs id.timestamp.body with every secret, verifiable by the reference library, and keeps the contract header', async () => {
    const test = archiveWithEvents(3);
    const receiver = await startReceiver(() => 200);
    const sink: SinkConfig = {
      type: 'webhook',
      url: receiver.url,
      secrets: [NEW_SECRET, OLD_SECRET],
      timeoutMs: 2_000,
      retries: 0,
      backoffMs: 5,
      concurrency: 1,
    };
    const before = Math.floor(Date.now() / 1000);

    const [report] = await deliverPending(test.db, [sink], { log: captureLog().logger });

    expect(report).toMatchObject({ delivered: 3, error: null });
    expect(receiver.requests.map((request) => request.headers['webhook-id'])).toEqual(test.events.map((event) => event.id));
    for (const request of receiver.requests) {
      const headers = headersOf(request);
      expect(Number(headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
      expect(Number(headers['webhook-timestamp'])).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
      // Receivers on either key verify, with the reference implementation and with ours.
      expect(() => new Webhook(NEW_SECRET).verify(request.body, headers)).not.toThrow();
      expect(() => new Webhook(OLD_SECRET, { format: 'raw' }).verify(request.body, headers)).not.toThrow();
      expect(verifyWebhook(NEW_SECRET, headers, request.body)).toBe(true);
      expect(verifyWebhook(OLD_SECRET, headers, request.body)).toBe(true);
      expect(headers['x-bureau-watch-signature']).toBe(`sha256=${createHmac('sha256', NEW_SECRET).update(request.body).digest('hex')}`);
    }
  });

  it('lets a receiver refuse a replay: an old timestamp, a changed body or another id fails verification', async () => {
    const test = archiveWithEvents(1);
    const receiver = await startReceiver(() => 200);
    await deliverPending(test.db, [{ type: 'webhook', url: receiver.url, secret: NEW_SECRET, timeoutMs: 2_000, retries: 0, backoffMs: 5, concurrency: 1 }], {
      log: captureLog().logger,
    });
    const [request] = receiver.requests;
    const headers = headersOf(request!);

    const tenMinutesLater = Date.now() + 600_000;
    expect(verifyWebhook(NEW_SECRET, headers, request!.body, 300, tenMinutesLater)).toBe(false);
    expect(() =>
      new Webhook(NEW_SECRET).verify(request!.body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 600) }),
    ).toThrow();
    expect(verifyWebhook(NEW_SECRET, headers, request!.body.replace('"document.created"', '"document.removed"'))).toBe(false);
    expect(verifyWebhook(NEW_SECRET, { ...headers, 'webhook-id': 'another-id' }, request!.body)).toBe(false);
    expect(verifyWebhook(OLD_SECRET, headers, request!.body)).toBe(false);
  });

  it('sends webhook-id and webhook-timestamp unsigned when there is no secret', async () => {
    const test = archiveWithEvents(1);
    const receiver = await startReceiver(() => 200);
    await deliverPending(test.db, [{ type: 'webhook', url: receiver.url, timeoutMs: 2_000, retries: 0, backoffMs: 5, concurrency: 1 }], {
      log: captureLog().logger,
    });
    const headers = headersOf(receiver.requests[0]!);
    expect(headers['webhook-id']).toBe(test.events[0]!.id);
    expect(headers['webhook-signature']).toBeUndefined();
    expect(headers['x-bureau-watch-signature']).toBeUndefined();
  });
});

describe('webhook secrets in the config', () => {
  const hook = 'sinks:\n  - type: webhook\n    url: "https://hooks.example.org/x"\n';
  it.each([
    ['secret and secrets together', `${hook}    secret: a\n    secrets: [b]\n`, /sinks\.0\.secrets: expected `secret` or `secrets`, not both/],
    ['whsec_ without base64', `${hook}    secret: "whsec_not base64!"\n`, /sinks\.0\.secret: expected .*whsec_ followed by the key in base64/],
    ['an empty list', `${hook}    secrets: []\n`, /sinks\.0\.secrets: /],
  ])('refuses %s, naming the key', (_name, yaml, message) => {
    expect(() => parseConfigText(yaml, 'hooks.yaml', {})).toThrow(UsageError);
    expect(() => parseConfigText(yaml, 'hooks.yaml', {})).toThrow(message);
  });
});

describe('rotation secrets in logs', () => {
  it('redacts a `secrets` list in every shape the code logs config in', () => {
    const { logger: log, text: output } = captureLog();
    const sink = { type: 'webhook', url: 'http://127.0.0.1:9/', secrets: [NEW_SECRET, OLD_SECRET] };
    log.info({ sink }, 'sink');
    log.info({ sinks: [sink] }, 'sinks');
    log.info({ config: { sinks: [sink] } }, 'config');
    log.info({ options: sink }, 'options');
    expect(output()).not.toContain(OLD_SECRET);
    expect(output()).not.toContain(NEW_SECRET.slice(6, 20));
    expect(output().match(/\[redacted\]/g)).toHaveLength(4);
  });
});
