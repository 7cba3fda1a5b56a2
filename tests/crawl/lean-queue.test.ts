import { Request } from 'crawlee';
import { describe, expect, it } from 'vitest';
import { LeanRequestQueue } from '../../src/fetch/lean-queue.js';

const make = () => new LeanRequestQueue<{ url: string; n: number }>((item) => new Request({ url: item.url, uniqueKey: item.url, userData: item }));
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
});
