import PQueue from 'p-queue';
import type { Config, SinkConfig } from '../config/schema.js';
import { UsageError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { advanceCursor, countPending, openCursor, recordAttempt } from './cursor.js';
import { publicEvent } from './event.js';
import { listEvents, type StoredEvent } from './outbox.js';
import { createSink } from './sinks/create-sink.js';
import { eventDetailsReader } from './sinks/event-details.js';
import type { Sink } from './sinks/sink.js';

export interface DeliveryOptions {
  log: Logger;
  /** Where a `stdout` sink prints. @default process.stdout */
  stdout?: NodeJS.WritableStream;
  /** User-Agent of webhook requests; must contain "bureau-watch". @default "bureau-watch" */
  userAgent?: string;
  /** Stops delivery early (daemon shutdown): nothing that did not arrive is marked delivered. @default never */
  signal?: AbortSignal;
}

/** How one sink's delivery went. */
export interface SinkDeliveryReport {
  sinkId: string;
  label: string;
  /** Events that reached the sink in this call. */
  delivered: number;
  /** Events its filter passed over in this call (the cursor moved past them without sending). */
  filtered: number;
  /** Events recorded but not yet delivered to it (kept for the next call). */
  pending: number;
  /** Why delivery stopped early, or null when the sink is up to date. */
  error: string | null;
}

/**
 * Delivers every event recorded since each sink's cursor, oldest first, to all sinks in parallel
 * (a sink that is down never holds up the others). Per sink, events go out in outbox order with at
 * most `concurrency` in flight (p-queue); the cursor moves past an event only once it and every
 * earlier one arrived. At-least-once: a crash or failure repeats events, never loses one.
 * Safe to call repeatedly (the scheduler does); calls for the same database should not overlap.
 */
export async function deliverPending(db: Db, sinkConfigs: SinkConfig[], options: DeliveryOptions): Promise<SinkDeliveryReport[]> {
  const environment = {
    log: options.log,
    stdout: options.stdout ?? process.stdout,
    userAgent: options.userAgent ?? 'bureau-watch',
    details: eventDetailsReader(db),
  };
  const sinks = sinkConfigs.map((config) => createSink(config, environment));
  assertDistinctIds(sinks);
  const signal = options.signal ?? new AbortController().signal;
  return Promise.all(sinks.map((sink, index) => deliverToSink(db, sink, sinkConfigs[index]!.startAt ?? 'beginning', signal, options.log)));
}

async function deliverToSink(db: Db, sink: Sink, startAt: 'beginning' | 'now', signal: AbortSignal, log: Logger): Promise<SinkDeliveryReport> {
  const opened = openCursor(db, sink.id, sink.label, startAt);
  if (opened.created && startAt === 'now') {
    log.info({ sink: sink.label, skipped: opened.deliveredSeq }, 'new sink (startAt: now): events recorded before now are not sent to it');
  }
  let cursor = opened.deliveredSeq;
  const queue = new PQueue({ concurrency: sink.concurrency });
  let delivered = 0;
  let filtered = 0;
  let error: string | null = null;
  try {
    while (error === null) {
      const batch = listEvents(db, { afterSeq: cursor, limit: sink.batchSize });
      if (batch.length === 0) break;
      // Checked once there is something left to send: a stop with nothing pending is no failure to report.
      if (signal.aborted) {
        error = stopReason(signal);
        break;
      }
      const outcome = await sendBatch(queue, sink, batch, cursor, signal);
      if (outcome.error !== null && signal.aborted) outcome.error = stopReason(signal);
      await sink.flush();
      if (outcome.lastSeq > cursor) {
        advanceCursor(db, sink.id, outcome.lastSeq);
        delivered += outcome.arrived;
        filtered += outcome.filtered;
        cursor = outcome.lastSeq;
      }
      error = outcome.error;
    }
  } catch (failure) {
    error = errorMessage(failure);
  } finally {
    await sink.close().catch(() => undefined);
  }
  recordAttempt(db, sink.id, error);
  const pending = countPending(db, cursor);
  if (error) log.warn({ sink: sink.label, delivered, pending }, `delivery stopped, ${pending} event(s) kept for the next attempt: ${error}`);
  else if (delivered > 0 || filtered > 0) log.info({ sink: sink.label, delivered, filtered }, 'events delivered');
  return { sinkId: sink.id, label: sink.label, delivered, filtered, pending, error };
}

interface BatchOutcome {
  /** Seq of the last event of the batch's delivered prefix (the cursor's new place). */
  lastSeq: number;
  /** Events of that prefix that were sent. */
  arrived: number;
  /** Events of that prefix the sink's filter passed over. */
  filtered: number;
  error: string | null;
}

/** Sends a batch through the sink's queue; after a failure no further event of it is started. */
async function sendBatch(queue: PQueue, sink: Sink, batch: StoredEvent[], cursor: number, signal: AbortSignal): Promise<BatchOutcome> {
  const arrived = new Set<number>();
  const passedOver = new Set<number>();
  let failure: unknown;
  for (const event of batch) {
    if (sink.accepts && !sink.accepts(event)) {
      passedOver.add(event.seq);
      continue;
    }
    void queue.add(async () => {
      if (failure !== undefined || signal.aborted) return;
      try {
        await sink.send(publicEvent(event), signal);
        arrived.add(event.seq);
      } catch (error) {
        failure ??= error;
      }
    });
  }
  await queue.onIdle();
  let lastSeq = cursor;
  let count = 0;
  let filtered = 0;
  for (const event of batch) {
    if (passedOver.has(event.seq)) filtered++;
    else if (arrived.has(event.seq)) count++;
    else break;
    lastSeq = event.seq;
  }
  const error = failure !== undefined ? errorMessage(failure) : count + filtered < batch.length ? 'delivery stopped' : null;
  return { lastSeq, arrived: count, filtered, error };
}

/** Why delivery stopped early: the caller's time budget, or a stop (daemon shutdown). */
function stopReason(signal: AbortSignal): string {
  return (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError' ? 'time budget used up' : 'delivery stopped';
}

function assertDistinctIds(sinks: Sink[]): void {
  const seen = new Set<string>();
  for (const sink of sinks) {
    if (seen.has(sink.id)) throw new UsageError(`invalid config: sinks: two sinks share the delivery id "${sink.id}"; give one of them its own \`id\``);
    seen.add(sink.id);
  }
}

/**
 * Delivery at the end of a crawl, within `delivery.afterCrawlSecs` (a webhook that is down must not
 * add its retries to every crawl): what is not delivered by then stays pending for `deliver` or the
 * next run. Never throws (a sink that is down must not fail the crawl); reports per sink.
 */
export async function deliverAfterRun(db: Db, config: Pick<Config, 'sinks' | 'userAgent' | 'delivery'>, log: Logger): Promise<SinkDeliveryReport[]> {
  if (config.sinks.length === 0) return [];
  try {
    const signal = AbortSignal.timeout(Math.max(1, config.delivery.afterCrawlSecs * 1000));
    return await deliverPending(db, config.sinks, { log, userAgent: config.userAgent, signal });
  } catch (error) {
    log.error({ err: errorMessage(error) }, 'event delivery failed; events stay pending for `deliver` or the next crawl');
    return [];
  }
}

/** Lines for the run summary: one per sink that still has events pending, e.g. `webhook https://x: 12 event(s) pending (time budget used up)`. */
export function formatPendingDeliveries(reports: SinkDeliveryReport[]): string[] {
  return reports
    .filter((report) => report.pending > 0)
    .map(
      (report) => `${report.label}: ${report.pending} event(s) pending${report.error ? ` (${report.error})` : ''}; \`deliver\` or the next crawl sends them`,
    );
}
