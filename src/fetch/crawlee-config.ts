/**
 * The Crawlee configuration every crawler of ours runs with. Its state lives in SQLite, not in
 * Crawlee's storage (in memory, purged). Its concurrency is fixed (min = max per crawler), so
 * Crawlee's system snapshots decide nothing, yet each reads memory through a `ps -A` child process:
 * at every crawler start (the first system-info event, and the memory budget unless `memoryMbytes`
 * is given) and then every `systemInfoIntervalMillis`. Here the interval is an hour, the budget is
 * given, and the event manager reads this process's memory without starting a process.
 */
import { totalmem } from 'node:os';
import { Configuration, EventType, LocalEventManager } from '@crawlee/core';

/** System info from Node alone (no CPU figure): what the fixed-concurrency pools would ignore anyway. */
class ProcessFreeEventManager extends LocalEventManager {
  override async emitSystemInfoEvent(intervalCallback: () => unknown): Promise<void> {
    const info = { createdAt: new Date(), cpuCurrentUsage: 0, isCpuOverloaded: false, memCurrentBytes: process.memoryUsage.rss(), memTotalBytes: totalmem() };
    this.events.emit(EventType.SYSTEM_INFO, info);
    intervalCallback();
    return Promise.resolve();
  }
}

export function crawleeConfiguration(): Configuration {
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: true,
    systemInfoIntervalMillis: 3_600_000,
    // What Crawlee would have measured with `ps`: a quarter of the machine's memory, its own default share.
    memoryMbytes: Math.floor(totalmem() / 4 / 2 ** 20),
  });
  config.useEventManager(new ProcessFreeEventManager(config));
  return config;
}
