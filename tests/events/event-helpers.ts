import { Writable } from 'node:stream';
import { pino } from 'pino';
import { REDACTED_PATHS, type Logger } from '../../src/log.js';
import { listEvents, type StoredEvent } from '../../src/events/outbox.js';
import { openTestArchive, snapshot, type TestArchive } from '../changes/archive-helpers.js';

/** An archive holding `count` document.created events (short distinct texts: no duplicates). */
export function archiveWithEvents(count: number): TestArchive & { events: StoredEvent[] } {
  const test = openTestArchive([{ name: 'new-plan', on: ['document.created'], titlePattern: '计划' }]);
  addDocuments(test, 0, count);
  return { ...test, events: listEvents(test.db) };
}

export function addDocuments(test: TestArchive, from: number, to: number): void {
  for (let n = from; n < to; n++) {
    test.record(snapshot(`http://bureau.example/art/2024/3/${n}.html`, `第${n}号通知正文。`, { title: n % 2 ? `第${n}号工作计划` : `第${n}号通知` }));
  }
}

/** A logger like the CLI's (same redaction) that writes into memory, for asserting what was logged. */
export function memoryLogger(): { log: Logger; output: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } });
  const log = pino({ level: 'debug', base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
  return { log, output: () => chunks.join('') };
}
