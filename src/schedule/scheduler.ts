/**
 * The daemon's timetable: each source on its own cron expression, started after a random jitter (so
 * bureaus sharing a schedule are not all hit on the same second), never two passes of one source at
 * once. stop() is graceful: no new passes, running ones finish the pages in hand, then it resolves.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Cron } from 'croner';
import type { SourceConfig } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';

export interface SchedulerOptions {
  sources: SourceConfig[];
  log: Logger;
  /** One pass over one source; must stop early (gracefully) when the signal aborts. */
  runPass: (source: SourceConfig, signal: AbortSignal) => Promise<void>;
  /** Called after every pass (the daemon kicks event delivery). */
  afterPass?: (source: SourceConfig) => void;
  /** Longest random delay before a scheduled pass (0: none). */
  jitterMs: number;
  /** IANA time zone of the cron expressions. @default the machine's */
  timezone?: string;
  /** Source of the jitter. @default Math.random */
  random?: () => number;
}

export class Scheduler {
  private readonly jobs: Cron[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    for (const source of this.options.sources) {
      const job = new Cron(source.schedule, { name: source.id, timezone: this.options.timezone }, () => {
        void this.trigger(source, true);
      });
      this.jobs.push(job);
      this.options.log.info({ source: source.id, schedule: source.schedule, nextRun: job.nextRun()?.toISOString() }, 'source scheduled');
    }
  }

  /** Starts a pass of the source now, unless one is already running (returns when it ends). */
  trigger(source: SourceConfig, withJitter = false): Promise<void> {
    const current = this.running.get(source.id);
    if (current) {
      this.options.log.warn({ source: source.id }, 'previous pass of this source still running: this run is skipped');
      return current;
    }
    if (this.stopping.signal.aborted) return Promise.resolve();
    const pass = this.runPass(source, withJitter).finally(() => this.running.delete(source.id));
    this.running.set(source.id, pass);
    return pass;
  }

  /** Graceful stop: resolves once running passes have stored the pages in hand. */
  async stop(): Promise<void> {
    if (!this.stopping.signal.aborted) this.stopping.abort();
    for (const job of this.jobs) job.stop();
    await Promise.allSettled([...this.running.values()]);
  }

  private async runPass(source: SourceConfig, withJitter: boolean): Promise<void> {
    const { log } = this.options;
    const jitterMs = withJitter ? Math.floor((this.options.random ?? Math.random)() * this.options.jitterMs) : 0;
    if (jitterMs > 0) {
      log.info({ source: source.id, jitterMs }, 'pass starts after jitter');
      const waited = await sleep(jitterMs, true, { signal: this.stopping.signal }).catch(() => false);
      if (!waited) return; // stopped during the jitter
    }
    if (this.stopping.signal.aborted) return;
    try {
      await this.options.runPass(source, this.stopping.signal);
    } catch (error) {
      // A failed pass must not end the daemon: the next cron tick tries again.
      log.error({ source: source.id, err: errorMessage(error) }, 'scheduled pass failed');
    }
    this.options.afterPass?.(source);
  }
}
