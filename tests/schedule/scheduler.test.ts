import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/config/schema.js';
import { sourceSchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { Scheduler } from '../../src/schedule/scheduler.js';

const source = (id: string): SourceConfig => sourceSchema.parse({ id, startUrls: ['http://127.0.0.1/'], schedule: '0 0 1 1 *' });
const quietLog = createLogger('silent');

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Scheduler', () => {
  it('never runs two passes of one source at once, but runs different sources side by side', async () => {
    const gates = new Map([
      ['a', deferred()],
      ['b', deferred()],
    ]);
    const started: string[] = [];
    const scheduler = new Scheduler({
      sources: [source('a'), source('b')],
      log: quietLog,
      jitterMs: 0,
      runPass: async (s) => {
        started.push(s.id);
        await gates.get(s.id)!.promise;
      },
    });
    const firstA = scheduler.trigger(source('a'));
    const secondA = scheduler.trigger(source('a'));
    const firstB = scheduler.trigger(source('b'));
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']);
    expect(secondA).toBe(firstA);
    gates.get('a')!.resolve();
    await firstA;
    gates.set('a', deferred());
    const thirdA = scheduler.trigger(source('a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'a']);
    gates.get('a')!.resolve();
    gates.get('b')!.resolve();
    await Promise.all([thirdA, firstB]);
  });

  it('waits a random jitter before a scheduled pass, and a stop during the jitter runs nothing', async () => {
    const passes: string[] = [];
    const afterPass: string[] = [];
    const scheduler = new Scheduler({
      sources: [source('a')],
      log: quietLog,
      jitterMs: 60_000,
      random: () => 0.5,
      runPass: async (s) => void passes.push(s.id),
      afterPass: (s) => void afterPass.push(s.id),
    });
    const pass = scheduler.trigger(source('a'), true); // as a cron tick does: 30 s of jitter
    await scheduler.stop();
    await pass;
    expect(passes).toEqual([]);
    await scheduler.trigger(source('a')); // stopped: nothing starts any more
    expect(passes).toEqual([]);
  });

  it('passes the stop signal to running passes and resolves stop() only when they ended', async () => {
    let sawAbort = false;
    const scheduler = new Scheduler({
      sources: [source('a')],
      log: quietLog,
      jitterMs: 0,
      runPass: (_s, signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            sawAbort = true;
            setTimeout(resolve, 20);
          }),
        ),
    });
    void scheduler.trigger(source('a'));
    await new Promise((resolve) => setImmediate(resolve));
    await scheduler.stop();
    expect(sawAbort).toBe(true);
  });
});
