import type { Config, SourceConfig } from '../config/schema.js';
import { runCrawl } from '../crawl/run-crawl.js';
import { errorMessage } from '../errors.js';
import { DeliveryLoop } from '../events/delivery-loop.js';
import { deliverPending } from '../events/delivery.js';
import type { Logger } from '../log.js';
import type { RunLock } from '../lock/run-lock.js';
import { withRunLock } from '../lock/with-run-lock.js';
import { onShutdownSignal } from '../process/signals.js';
import { CrawlProgress } from '../progress/progress.js';
import { checkRunHealth } from '../stats/health.js';
import { withDatabase, type Db } from '../store/database.js';
import { Scheduler } from './scheduler.js';

export interface DaemonOptions {
  /** Also start a pass of every source at once, not only at its next cron time. @default false */
  runNow?: boolean;
}

/** Time the last delivery may take on shutdown, so a sink that is down never delays the exit long. */
const FINAL_DELIVERY_MS = 5_000;

/**
 * `schedule`: holds the database's run lock for its whole life (a `crawl` from cron meanwhile exits 3),
 * runs each source on its cron, delivers events continuously (DeliveryLoop: every interval and after
 * each pass), and on SIGTERM/SIGINT lets the running passes store the pages in hand, delivers once
 * more (bounded), releases the lock and resolves.
 */
export async function runDaemon(config: Config, log: Logger, options: DaemonOptions = {}): Promise<void> {
  await withDatabase(config.database, (db) =>
    withRunLock(db, config.database, 'schedule', log, (lock) => serveUntilSignal(db, config, log, options, lock), config.lock),
  );
}

async function serveUntilSignal(db: Db, config: Config, log: Logger, options: DaemonOptions, lock: RunLock): Promise<void> {
  const progress = new CrawlProgress({ log, intervalMs: config.progress.intervalSecs * 1000 });
  const delivery = config.sinks.length
    ? new DeliveryLoop(db, config.sinks, { log, userAgent: config.userAgent, intervalMs: config.scheduler.deliveryIntervalSecs * 1000 }).start()
    : undefined;
  const scheduler = new Scheduler({
    sources: config.sources,
    log,
    runPass: async (source: SourceConfig, signal: AbortSignal) => {
      const summary = await runCrawl(db, config, [source], log, { progress, signal, lock });
      checkRunHealth(db, log, summary.runId, [source.id], config.alerts);
    },
    afterPass: () => delivery?.kick(),
    jitterMs: config.scheduler.jitterSecs * 1000,
    ...(config.scheduler.timezone ? { timezone: config.scheduler.timezone } : {}),
  });
  let removeSignalHandlers = (): void => {};
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    removeSignalHandlers = onShutdownSignal(log, resolve);
  });
  scheduler.start();
  log.info({ sources: config.sources.length, sinks: config.sinks.length }, 'scheduler running; SIGTERM or SIGINT stops it');
  if (options.runNow) for (const source of config.sources) void scheduler.trigger(source);
  const signal = await stopped;
  await scheduler.stop();
  progress.stop();
  await delivery?.stop();
  if (delivery) await finalDelivery(db, config, log);
  log.info({ signal }, 'scheduler stopped');
  removeSignalHandlers();
}

/** Events the last pages recorded go out before exit, unless the sinks take too long: then they stay pending. */
async function finalDelivery(db: Db, config: Config, log: Logger): Promise<void> {
  try {
    await deliverPending(db, config.sinks, { log, userAgent: config.userAgent, signal: AbortSignal.timeout(FINAL_DELIVERY_MS) });
  } catch (error) {
    log.warn({ err: errorMessage(error) }, 'last delivery before exit did not finish; the events stay pending');
  }
}
