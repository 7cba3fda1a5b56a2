import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverAfterRun, formatPendingDeliveries } from '../../src/events/delivery.js';
import { archiveWithEvents } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver } from '../helpers/receiver.js';
import { tempDir } from '../helpers/temp.js';

/** Issue #11, found 10: a webhook that is down added ~31 s of retries to every crawl. */
describe('delivery at the end of a crawl', () => {
  it('stops at delivery.afterCrawlSecs and keeps the rest pending, reported per sink', async () => {
    const test = archiveWithEvents(3);
    const down = await startReceiver(() => 503);
    const path = join(tempDir(), 'events.ndjson');
    const started = performance.now();
    const reports = await deliverAfterRun(
      test.db,
      {
        userAgent: 'bureau-watch/test',
        delivery: { afterCrawlSecs: 0.5 },
        sinks: [
          { type: 'webhook', url: down.url, timeoutMs: 5_000, retries: 5, backoffMs: 1_000, concurrency: 1, startAt: 'beginning' },
          { type: 'ndjson', path, startAt: 'beginning' },
        ],
      },
      captureLog().logger,
    );
    // Without the budget: 1 + 2 + 4 + 8 + 16 s of backoff before giving up.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(reports.map((report) => [report.label, report.pending, report.error])).toEqual([
      [`webhook ${new URL(down.url).origin}`, 3, 'time budget used up'],
      [`ndjson ${path}`, 0, null],
    ]);
    expect(formatPendingDeliveries(reports)).toEqual([
      `webhook ${new URL(down.url).origin}: 3 event(s) pending (time budget used up); \`deliver\` or the next crawl sends them`,
    ]);
  });
});
