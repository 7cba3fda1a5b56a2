/**
 * What a foreground `crawl` runs with: progress logging (a live line on a terminal) and a graceful
 * stop on SIGTERM/SIGINT. Call dispose() when the run is over.
 */
import type { Config } from '../config/schema.js';
import type { RunCrawlOptions } from '../crawl/run-crawl.js';
import type { Logger } from '../log.js';
import { onShutdownSignal } from '../process/signals.js';
import { CrawlProgress } from '../progress/progress.js';

export function foregroundRun(config: Config, log: Logger): { options: RunCrawlOptions; interrupted: () => NodeJS.Signals | undefined; dispose: () => void } {
  const progress = new CrawlProgress({ log, intervalMs: config.progress.intervalSecs * 1000 });
  const stop = new AbortController();
  let signal: NodeJS.Signals | undefined;
  const removeHandlers = onShutdownSignal(log, (received) => {
    signal = received;
    stop.abort();
  });
  return {
    options: { progress, signal: stop.signal },
    interrupted: () => signal,
    dispose: () => {
      removeHandlers();
      progress.stop();
    },
  };
}
