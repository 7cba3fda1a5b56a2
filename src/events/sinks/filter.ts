/**
 * Per-sink filters: a DingTalk group gets only its bureaus' new plans, a mailbox only one alert.
 * An event the filter rejects is passed over: the delivery loop moves the sink's cursor past it
 * without sending, so it is never offered to that sink again.
 */
import type { SinkFilterConfig } from '../../config/schema.js';
import type { ChangeEvent } from '../event.js';
import type { Sink } from './sink.js';

export type EventFilter = (event: ChangeEvent) => boolean;

/** True when the event meets every condition the filter sets (an unset condition lets all through). */
export function compileSinkFilter(filter: NonNullable<SinkFilterConfig>): EventFilter {
  const alerts = filter.alerts ? new Set(filter.alerts) : null;
  const sources = filter.sources ? new Set(filter.sources) : null;
  const types = filter.types ? new Set<string>(filter.types) : null;
  return (event) => (!types || types.has(event.type)) && (!sources || sources.has(event.source)) && (!alerts || event.alerts.some((name) => alerts.has(name)));
}

/** A sink that sends only what its filter accepts; everything else is the wrapped sink's. */
export class FilteredSink implements Sink {
  constructor(
    private readonly inner: Sink,
    readonly accepts: EventFilter,
  ) {}

  get id(): string {
    return this.inner.id;
  }

  get label(): string {
    return this.inner.label;
  }

  get concurrency(): number {
    return this.inner.concurrency;
  }

  get batchSize(): number {
    return this.inner.batchSize;
  }

  send(event: ChangeEvent, signal: AbortSignal): Promise<void> {
    return this.inner.send(event, signal);
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
