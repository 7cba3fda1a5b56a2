import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** Writes a line, waiting for the stream to drain when its buffer is full (a 100k-row export stays flat). */
export async function writeLine(out: Writable, line: string): Promise<void> {
  await writeChunk(out, `${line}\n`);
}

/**
 * Writes a chunk with backpressure, and fails as soon as the stream has: a stream that errored
 * (full disk) never drains, so waiting for 'drain' on it would hang the export.
 */
export async function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.errored) throw out.errored;
  // once() rejects when 'error' comes while waiting.
  if (!out.write(chunk)) await once(out, 'drain');
}
