/** A logger like the CLI's (same redaction), at debug level, that keeps every line for assertions. */
import { pino } from 'pino';
import { REDACTED_PATHS, type Logger } from '../../src/log.js';

export interface CapturedLog {
  logger: Logger;
  /** Every line, parsed. */
  lines: Record<string, unknown>[];
  /** Every line as written, joined: for substring assertions (what a log file would hold). */
  text: () => string;
}

export function captureLog(): CapturedLog {
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug', base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    {
      write: (line: string) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines, text: () => raw.join('') };
}
