/**
 * Process signals, handled in one place: the first SIGTERM/SIGINT asks for a graceful stop, a
 * second one exits at once. `crawl` (src/cli/foreground.ts) and `schedule` (src/schedule/daemon.ts) use it.
 */
import { ExitCode } from '../errors.js';
import type { Logger } from '../log.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Calls `stop` on the first SIGTERM or SIGINT (graceful: the caller finishes the pages in hand);
 * a second one exits at once with code 1. Returns a function that removes the handlers.
 */
export function onShutdownSignal(log: Logger, stop: (signal: NodeJS.Signals) => void): () => void {
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(ExitCode.failed);
    }
    received = signal;
    log.info({ signal }, 'stopping: finishing the pages in hand (send the signal again to exit at once)');
    stop(signal);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
