import { Request } from '@crawlee/http';
import { describe, expect, it } from 'vitest';
import { LeanRequestQueue } from '../../src/fetch/lean-queue.js';

const make = (limit?: number) =>
  new LeanRequestQueue<{ url: string; n: number }>((item) => new Request({ url: item.url, uniqueKey: item.url, userData: item }), limit);
const item = (n: number) => ({ url: `http://127.0.0.1/art_${n}.html`, n });

describe('LeanRequestQueue', () => {
  it('hands out requests first in, first out, each URL once per run', async () => {
    const queue = make();
    expect(queue.add([item(1), item(2), item(1)])).toBe(2);
    expect(queue.add([item(2), item(3)])).toBe(1);
    const order: number[] = [];
    for await (const request of queue) {
      order.push((request.userData as { n: number }).n);
      await queue.markRequestHandled(request);
    }
    expect(order).toEqual([1, 2, 3]);
    expect(await queue.isFinished()).toBe(true);
    expect(await queue.handledCount()).toBe(3);
    expect(queue.add([item(1)])).toBe(0);
  });

  it('is not finished while a request is in progress, and a reclaimed request keeps its retry count', async () => {
    const queue = make();
    queue.add([item(1), item(2)]);
    const first = (await queue.fetchNextRequest())!;
    expect(await queue.isFinished()).toBe(false);
    first.retryCount = 1;
    await queue.reclaimRequest(first, { forefront: true });
    const again = (await queue.fetchNextRequest())!;
    expect(again).toBe(first);
    expect(again.retryCount).toBe(1);
    await queue.markRequestHandled(again);
    await queue.markRequestHandled((await queue.fetchNextRequest())!);
    expect(await queue.isEmpty()).toBe(true);
    expect(await queue.isFinished()).toBe(true);
  });

  it('keeps a long run in order while dropping what it has handed out', async () => {
    const queue = make();
    queue.add(Array.from({ length: 5000 }, (_, n) => item(n)));
    const seen: number[] = [];
    for (let request = await queue.fetchNextRequest(); request; request = await queue.fetchNextRequest()) {
      seen.push((request.userData as { n: number }).n);
      if (seen.length === 2500) queue.add([item(9999)]);
      await queue.markRequestHandled(request);
    }
    expect(seen).toEqual([...Array.from({ length: 5000 }, (_, n) => n), 9999]);
    expect(queue.getTotalCount()).toBe(5001);
  });

  it('admits at most `limit` distinct URLs per run, in order, and says when it turned one away', async () => {
    const queue = make(3);
    expect(queue.add([item(1), item(1), item(2)])).toBe(2);
    expect(queue.refused).toBe(false);
    expect(queue.remaining()).toBe(1);
    // Known URLs are skipped before the limit is looked at; the first new one that does not fit stops the batch.
    expect(queue.add([item(2), item(3), item(4), item(5)])).toBe(1);
    expect(queue.refused).toBe(true);
    expect(queue.remaining()).toBe(0);
    expect([1, 2, 3, 4].map((n) => queue.has(item(n).url))).toEqual([true, true, true, false]);
    const added = await queue.addRequest({ url: item(6).url });
    expect(added.wasAlreadyPresent).toBe(false);
    const order: number[] = [];
    for await (const request of queue) {
      order.push((request.userData as { n: number }).n);
      await queue.markRequestHandled(request);
    }
    expect(order).toEqual([1, 2, 3]);
  });

  it('counts a URL once against the limit however often it is retried', async () => {
    const queue = make(2);
    queue.add([item(1), item(2)]);
    const first = (await queue.fetchNextRequest())!;
    await queue.reclaimRequest(first);
    await queue.reclaimRequest((await queue.fetchNextRequest())!);
    expect(queue.remaining()).toBe(0);
    expect(queue.refused).toBe(false);
    let fetched = 0;
    for await (const request of queue) {
      fetched++;
      await queue.markRequestHandled(request);
    }
    expect(fetched).toBe(2);
  });
});
