import type { SinkConfig } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import type { Db } from '../store/database.js';
import { deliverPending, type DeliveryOptions, type SinkDeliveryReport } from './delivery.js';

export interface DeliveryLoopOptions extends Omit<DeliveryOptions, 'signal'> {
  /** Pause between two passes when nothing asks for one sooner. @default 30_000 */
  intervalMs?: number;
  /** Called after every pass (for metrics and tests). @default none */
  onPass?: (reports: SinkDeliveryReport[]) => void;
}

/**
 * Continuous delivery for the `schedule` daemon: a pass every `intervalMs`, and one soon after each
 * `kick()` (call it when a crawl stored events). Passes never overlap; a kick during a pass runs
 * one more pass right after it. `stop()` aborts backoff waits and in-flight requests (nothing
 * unacknowledged is marked delivered) and resolves once the pass in hand has ended.
 */
export class DeliveryLoop {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly sinks: SinkConfig[],
    private readonly options: DeliveryLoopOptions,
  ) {}

  start(): this {
    this.kick();
    return this;
  }

  /** Deliver now (or right after the pass in hand). */
  kick(): void {
    if (this.abort.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else if (!this.abort.signal.aborted) {
        this.timer = setTimeout(() => this.kick(), this.options.intervalMs ?? 30_000);
      }
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      const reports = await deliverPending(this.db, this.sinks, { ...this.options, signal: this.abort.signal });
      this.options.onPass?.(reports);
    } catch (error) {
      this.options.log.error({ err: errorMessage(error) }, 'event delivery pass failed');
    }
  }
}
