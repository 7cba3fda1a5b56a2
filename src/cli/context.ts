import type { Command } from 'commander';
import { loadConfigFile, resolveConfigPath } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../log.js';
import { openDatabase, withDatabase, type Db } from '../store/database.js';

/** What every command gets: the config (loaded on first use), a logger on stderr, and stdout. */
export interface CommandContext {
  config: Config;
  configPath: string;
  log: Logger;
  stdout: NodeJS.WritableStream;
}

export function commandContext(command: Command): CommandContext {
  const options = command.optsWithGlobals<{ config?: string }>();
  const configPath = resolveConfigPath(options.config);
  return { config: loadConfigFile(configPath), configPath, log: createLogger(), stdout: process.stdout };
}

/** Opens the archive for reading and writing (migrating it if needed). */
export function openArchive(config: Config): Db {
  return openDatabase(config.database);
}

/** Runs `use` on the opened archive and closes it afterwards, whatever happens. */
export function withArchive<T>(config: Config, use: (db: Db) => T | Promise<T>): Promise<T> {
  return withDatabase(config.database, use);
}

/** Commander value parser for a repeatable option (`--source a --source b`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Prints one line of command output on stdout. */
export function print(context: Pick<CommandContext, 'stdout'>, line = ''): void {
  context.stdout.write(`${line}\n`);
}
