/**
 * JSON-lines logs on stderr (the contract, docs/contract.md, keeps stdout for command results).
 * Secrets are redacted by path so a webhook secret never reaches a log line.
 */
import { destination, pino, type Logger } from 'pino';

/** Log object paths whose values are replaced by "[redacted]". */
export const REDACTED_PATHS = [
  'secret', '*.secret', 'sink.secret', 'sinks[*].secret', '*.sinks[*].secret', 'config.sinks[*].secret',
  'secrets', '*.secrets', 'sink.secrets', 'sinks[*].secrets', '*.sinks[*].secrets', 'config.sinks[*].secrets',
  'headers.authorization', '*.headers.authorization',
  'password', '*.password', 'sinks[*].password', '*.sinks[*].password',
];

export function createLogger(level: string = process.env.BUREAU_WATCH_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination({ fd: 2, sync: true }),
  );
}

export type { Logger };
