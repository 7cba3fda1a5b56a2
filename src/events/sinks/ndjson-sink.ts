import { closeSync, fdatasyncSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChangeEvent } from '../event.js';
import { eventLine, type Sink } from './sink.js';

/**
 * Appends events to a file, one JSON line each. Lines are written straight to the file and synced
 * before the cursor moves, so a killed process repeats at most the last batch (readers de-duplicate
 * by id) and never loses one. A line cut short by a crash is ended before the next one is appended.
 */
export class NdjsonSink implements Sink {
  readonly concurrency = 1;
  readonly batchSize = 500;
  private fd: number | undefined;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly path: string,
  ) {}

  async send(event: ChangeEvent): Promise<void> {
    writeSync(this.open(), eventLine(event));
  }

  async flush(): Promise<void> {
    if (this.fd !== undefined) fdatasyncSync(this.fd);
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a+');
    if (!endsWithNewline(fd)) writeSync(fd, '\n');
    this.fd = fd;
    return fd;
  }
}

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}
