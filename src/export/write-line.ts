import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** Writes a line, waiting for the stream to drain when its buffer is full (a 100k-row export stays flat). */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
