import { terminalJson } from '../../terminal-safe.js';
import type { ChangeEvent } from '../event.js';

/**
 * Where events go. The delivery loop sends events in outbox order, at most `concurrency` at once,
 * and moves the sink's cursor after each batch of `batchSize` once `flush` has made them durable.
 * `send` throws when the event did not arrive: the cursor then stays before it.
 */
export interface Sink {
  /** Key of the delivery state: stable across runs, never containing a secret. */
  readonly id: string;
  /** For humans and logs: type and path, or URL origin (a webhook URL's path may be a secret). */
  readonly label: string;
  readonly concurrency: number;
  readonly batchSize: number;
  /** When set, events it rejects are passed over: the cursor moves past them without `send`. */
  accepts?(event: ChangeEvent): boolean;
  send(event: ChangeEvent, signal: AbortSignal): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** One event as one JSON line (ndjson file, stdout), C1 controls and U+2028/9 escaped too: it may reach a terminal. */
export function eventLine(event: ChangeEvent): string {
  return `${terminalJson(event)}\n`;
}
