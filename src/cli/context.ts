import type { Command } from 'commander';
import { loadConfigFile, resolveConfigPath, type ConfigPurpose } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { createLogger, LOG_FORMATS, LOG_LEVELS, type LogFormat, type Logger } from '../log.js';
import { openDatabase, withDatabase, type Db } from '../store/database.js';
import { assertArchiveFile, openDatabaseReadOnly, withDatabaseReadOnly } from '../store/read-only.js';
import { checkConfig } from './config-checks.js';

/** What every command gets: the config (loaded on first use), a logger on stderr, and stdout. */
export interface CommandContext {
  config: Config;
  configPath: string;
  log: Logger;
  stdout: NodeJS.WritableStream;
}

/** Options every command accepts, before or after its name (program.ts). */
export interface GlobalOptions {
  config?: string;
  logFormat?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * The context of a command that runs (crawl, schedule, deliver): every config section is checked and
 * every `${VAR}` must be set. Read commands use readingContext.
 */
export function commandContext(command: Command, purpose: ConfigPurpose = 'run'): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const log = commandLogger(command);
  const configPath = resolveConfigPath(options.config);
  const config = checkConfig(loadConfigFile(configPath, process.env, { purpose }), configPath);
  return { config, configPath, log, stdout: process.stdout };
}

/**
 * The context of a command that only reads the archive (search, show, history, diff, export, stats,
 * events, serve): sections it never uses (sinks, proxy, headers, cookies) need no environment variable.
 */
export function readingContext(command: Command): CommandContext {
  return commandContext(command, 'read');
}

/** The logger the global flags ask for: --quiet (warnings and errors), --verbose (debug), --log-format. */
export function commandLogger(command: Command, defaultLevel = 'info'): Logger {
  const options = command.optsWithGlobals<GlobalOptions>();
  if (options.quiet && options.verbose) throw new UsageError('--quiet and --verbose exclude each other');
  const level = options.verbose
    ? 'debug'
    : options.quiet
      ? 'warn'
      : (checked('BUREAU_WATCH_LOG_LEVEL', process.env.BUREAU_WATCH_LOG_LEVEL, LOG_LEVELS) ?? defaultLevel);
  const format =
    checked('--log-format', options.logFormat, LOG_FORMATS) ?? checked('BUREAU_WATCH_LOG_FORMAT', process.env.BUREAU_WATCH_LOG_FORMAT, LOG_FORMATS);
  return createLogger({ level, ...(format ? { format: format as LogFormat } : {}) });
}

function checked(name: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value)) throw new UsageError(`${name} expects one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}

/** Opens the archive for reading and writing (creating and migrating it if needed): crawl, schedule, deliver. */
export function openArchive(config: Config): Db {
  return openDatabase(config.database);
}

/** Runs `use` on the archive opened for writing and closes it afterwards, whatever happens. */
export function withArchive<T>(config: Config, use: (db: Db) => T | Promise<T>): Promise<T> {
  return withDatabase(config.database, use);
}

/** Like withArchive, for a command that writes to an archive but must not create one (deliver). */
export function withExistingArchive<T>(config: Config, use: (db: Db) => T | Promise<T>): Promise<T> {
  assertArchiveFile(config.database);
  return withDatabase(config.database, use);
}

/**
 * Opens the archive for reading only: never created nor migrated; a missing archive, one of another
 * schema version, or one that cannot be read is a UsageError (exit 2) naming the path. See
 * src/store/read-only.ts for a reader without write access.
 */
export function openArchiveReadOnly(context: Pick<CommandContext, 'config' | 'log'>): Db {
  return openDatabaseReadOnly(context.config.database, { log: context.log });
}

/** Runs `use` on the archive opened for reading only, and closes it afterwards whatever happens. */
export function withArchiveReadOnly<T>(context: Pick<CommandContext, 'config' | 'log'>, use: (db: Db) => T | Promise<T>): Promise<T> {
  return withDatabaseReadOnly(context.config.database, use, { log: context.log });
}

/** Commander value parser for a repeatable option (`--source a --source b`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Prints one line of command output on stdout. */
export function print(context: Pick<CommandContext, 'stdout'>, line = ''): void {
  context.stdout.write(`${line}\n`);
}
