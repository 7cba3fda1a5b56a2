import { describe, expect, it } from 'vitest';
import type { SinkConfig } from '../../src/config/schema.js';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import { publicEvent } from '../../src/events/event.js';
import { verifySignature } from '../../src/events/signature.js';
import { addDocuments, archiveWithEvents } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver } from '../helpers/receiver.js';

const SECRET = 's3cr3t-hmac-key';

function webhook(url: string, overrides: Partial<Extract<SinkConfig, { type: 'webhook' }>> = {}): SinkConfig {
  return { type: 'webhook', url, secret: SECRET, timeoutMs: 2_000, retries: 5, backoffMs: 5, concurrency: 1, ...overrides };
}

describe('webhook sink', () => {
  it('retries a receiver that fails 3 times, then delivers everything in order, signed', async () => {
    const test = archiveWithEvents(4);
    const receiver = await startReceiver((_request, index) => (index < 3 ? 503 : 200));
    const { logger: log } = captureLog();

    const [report] = await deliverPending(test.db, [webhook(receiver.url)], { log });

    expect(report).toMatchObject({ delivered: 4, pending: 0, error: null });
    expect(receiver.requests).toHaveLength(3 + 4);
    expect(receiver.requests.slice(0, 4).map((request) => request.eventId)).toEqual(Array(4).fill(test.events[0]!.id));
    expect(receiver.accepted).toEqual(test.events.map((event) => event.id));
    for (const request of receiver.requests) {
      expect(verifySignature(SECRET, request.body, request.headers['x-bureau-watch-signature'] as string)).toBe(true);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.headers['user-agent']).toContain('bureau-watch');
    }
    expect(JSON.parse(receiver.requests[3]!.body)).toEqual(publicEvent(test.events[0]!));
    expect(JSON.parse(receiver.requests[3]!.body).alerts).toEqual([]);
    expect(JSON.parse(receiver.requests[4]!.body).alerts).toEqual(['new-plan']);
  });

  it('keeps everything for a sink that is down and delivers it later, in order, without repeating', async () => {
    const test = archiveWithEvents(3);
    const down = await startReceiver(() => 500);
    const { logger: log } = captureLog();
    const [first] = await deliverPending(test.db, [webhook(down.url, { retries: 2, id: 'hook' })], { log });
    expect(first).toMatchObject({ delivered: 0, pending: 3 });
    expect(first!.error).toMatch(/HTTP 500/);
    expect(down.requests).toHaveLength(3); // one event, tried 1 + 2 times; later events never started
    expect(listCursors(test.db)).toMatchObject([{ sinkId: 'hook', deliveredSeq: 0, failedAttempts: 1 }]);

    addDocuments(test, 3, 5);
    const up = await startReceiver();
    const [second] = await deliverPending(test.db, [webhook(up.url, { id: 'hook' })], { log });
    expect(second).toMatchObject({ delivered: 5, pending: 0, error: null });
    const [third] = await deliverPending(test.db, [webhook(up.url, { id: 'hook' })], { log });
    expect(third).toMatchObject({ delivered: 0, pending: 0 });
    expect(up.accepted).toHaveLength(5);
    expect(up.accepted).toEqual(test.db.prepare('SELECT id FROM events ORDER BY seq').pluck().all() as string[]);
    expect(listCursors(test.db)[0]).toMatchObject({ failedAttempts: 0, lastError: null });
  });

  it('does not retry a 4xx rejection within an attempt, and keeps the event pending', async () => {
    const test = archiveWithEvents(2);
    const receiver = await startReceiver(() => 401);
    const [report] = await deliverPending(test.db, [webhook(receiver.url)], { log: captureLog().logger });
    expect(receiver.requests).toHaveLength(1);
    expect(report).toMatchObject({ delivered: 0, pending: 2 });
    expect(report!.error).toMatch(/HTTP 401, expected 2xx/);
  });

  it('gives up on a receiver that never answers after its timeout and retries', async () => {
    const test = archiveWithEvents(1);
    const receiver = await startReceiver(() => 'hang');
    const [report] = await deliverPending(test.db, [webhook(receiver.url, { timeoutMs: 150, retries: 1 })], { log: captureLog().logger });
    expect(receiver.requests).toHaveLength(2);
    expect(report).toMatchObject({ delivered: 0, pending: 1, error: expect.stringMatching(/timed out/) });
  });

  it('sends up to `concurrency` requests at once and still moves the cursor only over delivered events', async () => {
    const test = archiveWithEvents(10);
    let inFlight = 0;
    let maxInFlight = 0;
    const receiver = await startReceiver(() => 200);
    const slowUrl = receiver.url;
    const originalFetch = globalThis.fetch;
    globalThis.fetch = async (...args) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await originalFetch(...args);
      } finally {
        inFlight--;
      }
    };
    try {
      const [report] = await deliverPending(test.db, [webhook(slowUrl, { concurrency: 3 })], { log: captureLog().logger });
      expect(report).toMatchObject({ delivered: 10, pending: 0 });
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(maxInFlight).toBe(3);
    expect(new Set(receiver.accepted)).toEqual(new Set(test.events.map((event) => event.id)));
  });

  it('never logs the secret or the URL path (which may be a token)', async () => {
    const test = archiveWithEvents(1);
    const receiver = await startReceiver(() => 500, '/services/T000/B000/XXXXTOKENXXXX');
    const { logger: log, text: output } = captureLog();
    await deliverPending(test.db, [webhook(receiver.url, { retries: 2 })], { log });
    expect(output()).toContain('webhook http://127.0.0.1');
    expect(output()).not.toContain(SECRET);
    expect(output()).not.toContain('XXXXTOKENXXXX');
    expect(JSON.stringify(listCursors(test.db))).not.toContain('XXXXTOKENXXXX');
  });
});
