/**
 * Logs on stderr (the contract, docs/contract.md, keeps stdout for command results): JSON lines for
 * machines (pino's own format, epoch-millisecond `time`), or one readable line per entry for people
 * (`[07:00:12] WARN: delivery stopped {"sink":"webhook:…"}`), the default on a terminal. Secrets are
 * redacted by path so a webhook secret never reaches a log line, in either format.
 */
import { destination, pino, type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { terminalText } from './terminal-safe.js';

/** Log object paths whose values are replaced by "[redacted]". */
export const REDACTED_PATHS = [
  'secret',
  '*.secret',
  'sink.secret',
  'sinks[*].secret',
  '*.sinks[*].secret',
  'config.sinks[*].secret',
  'secrets',
  '*.secrets',
  'sink.secrets',
  'sinks[*].secrets',
  '*.sinks[*].secrets',
  'config.sinks[*].secrets',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'sinks[*].password',
  '*.sinks[*].password',
];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export interface LoggerOptions {
  /** @default $BUREAU_WATCH_LOG_LEVEL, else info */
  level?: string;
  /** @default $BUREAU_WATCH_LOG_FORMAT, else pretty when stderr is a terminal and json otherwise */
  format?: LogFormat;
}

/** A logger on stderr; a string argument is the level (the form scripts use). */
export function createLogger(options: LoggerOptions | string = {}): Logger {
  const { level = process.env.BUREAU_WATCH_LOG_LEVEL ?? 'info', format = defaultLogFormat() } = typeof options === 'string' ? { level: options } : options;
  // Synchronous: a line logged just before process.exit must not be lost.
  const stderr = destination({ fd: 2, sync: true });
  return pino({ level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, format === 'pretty' ? pretty(stderr) : stderr);
}

/** $BUREAU_WATCH_LOG_FORMAT when set (checked by the CLI), else pretty on a terminal. */
export function defaultLogFormat(env = process.env): LogFormat {
  const chosen = env.BUREAU_WATCH_LOG_FORMAT;
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  return process.stderr.isTTY ? 'pretty' : 'json';
}

function pretty(stderr: DestinationStream): DestinationStream {
  const colorize = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  const prettify = prettyFactory({ colorize, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true });
  // Site strings (titles, URLs, server messages) reach log fields: made terminal-safe before they are
  // printed raw (the JSON format escapes control characters by itself).
  return { write: (line: string) => stderr.write(prettify(safeForTerminal(JSON.parse(line)))) };
}

function safeForTerminal(value: unknown): unknown {
  if (typeof value === 'string') return terminalText(value);
  if (Array.isArray(value)) return value.map(safeForTerminal);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [terminalText(key), safeForTerminal(item)]));
  return value;
}

export type { Logger };
