import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DeliveryLoop } from '../../src/events/delivery-loop.js';
import { deliverPending, type SinkDeliveryReport } from '../../src/events/delivery.js';
import { publicEvent } from '../../src/events/event.js';
import { tempDir } from '../helpers/temp.js';
import { addDocuments, archiveWithEvents } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver } from '../helpers/receiver.js';

function readLines(path: string): { id: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string });
}

describe('ndjson and stdout sinks', () => {
  it('appends each event once as a JSON line, across calls', async () => {
    const test = archiveWithEvents(3);
    const path = join(tempDir(), 'out', 'events.ndjson');
    const { logger: log } = captureLog();
    await deliverPending(test.db, [{ type: 'ndjson', path }], { log });
    await deliverPending(test.db, [{ type: 'ndjson', path }], { log });
    addDocuments(test, 3, 4);
    await deliverPending(test.db, [{ type: 'ndjson', path }], { log });
    const lines = readLines(path);
    expect(lines.map((line) => line.id)).toEqual(test.db.prepare('SELECT id FROM events ORDER BY seq').pluck().all());
    expect(lines[0]).toEqual(publicEvent(test.events[0]!));
  });

  it('ends a line cut short by a crash before appending', async () => {
    const test = archiveWithEvents(1);
    const path = join(tempDir(), 'events.ndjson');
    appendFileSync(path, '{"id":"torn');
    await deliverPending(test.db, [{ type: 'ndjson', path }], { log: captureLog().logger });
    expect(readFileSync(path, 'utf8').split('\n')[1]).toBe(JSON.stringify(publicEvent(test.events[0]!)));
  });

  it('prints events on stdout', async () => {
    const test = archiveWithEvents(2);
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await deliverPending(test.db, [{ type: 'stdout' }], { log: captureLog().logger, stdout: out });
    expect(
      printed
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).id),
    ).toEqual(test.events.map((event) => event.id));
  });

  it('a sink that is down does not hold up the others', async () => {
    const test = archiveWithEvents(3);
    const path = join(tempDir(), 'events.ndjson');
    const down = await startReceiver(() => 503);
    const reports = await deliverPending(
      test.db,
      [
        { type: 'webhook', url: down.url, timeoutMs: 1_000, retries: 1, backoffMs: 1, concurrency: 1 },
        { type: 'ndjson', path },
      ],
      { log: captureLog().logger },
    );
    expect(reports.map((report) => [report.label.split(' ')[0], report.delivered, report.pending])).toEqual([
      ['webhook', 0, 3],
      ['ndjson', 3, 0],
    ]);
    expect(readLines(path)).toHaveLength(3);
  });

  it('rejects two sinks sharing a delivery id', async () => {
    const test = archiveWithEvents(1);
    await expect(deliverPending(test.db, [{ type: 'stdout' }, { type: 'stdout' }], { log: captureLog().logger })).rejects.toThrow(
      /share the delivery id "stdout"/,
    );
  });
});

describe('DeliveryLoop (for the schedule daemon)', () => {
  it('delivers on kick, again for events recorded later, and stops cleanly', async () => {
    const test = archiveWithEvents(2);
    const receiver = await startReceiver();
    const passes: SinkDeliveryReport[][] = [];
    let passDone: () => void = () => undefined;
    const loop = new DeliveryLoop(test.db, [{ type: 'webhook', url: receiver.url, timeoutMs: 1_000, retries: 0, backoffMs: 1, concurrency: 1 }], {
      log: captureLog().logger,
      intervalMs: 60_000,
      onPass: (reports) => {
        passes.push(reports);
        passDone();
      },
    });
    const nextPass = () => new Promise<void>((resolve) => (passDone = resolve));
    let pass = nextPass();
    loop.start();
    await pass;
    expect(receiver.accepted).toHaveLength(2);
    addDocuments(test, 2, 5);
    pass = nextPass();
    loop.kick();
    await pass;
    await loop.stop();
    expect(receiver.accepted).toEqual(test.db.prepare('SELECT id FROM events ORDER BY seq').pluck().all());
    expect(passes.map((reports) => reports[0]!.delivered)).toEqual([2, 3]);
  });
});
