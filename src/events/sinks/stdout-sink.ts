import type { ChangeEvent } from '../event.js';
import { eventLine, type Sink } from './sink.js';

/** Prints events on stdout, one JSON line each (for pipes: `bureau-watch deliver | jq`). */
export class StdoutSink implements Sink {
  readonly concurrency = 1;
  readonly batchSize = 500;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly out: NodeJS.WritableStream,
  ) {}

  send(event: ChangeEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.write(eventLine(event), (error) => (error ? reject(error) : resolve()));
    });
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
