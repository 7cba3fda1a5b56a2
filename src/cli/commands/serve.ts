import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_SERVE_USER, SERVE_PASSWORD_VARIABLE } from '../../serve/login.js';
import { print, readingContext } from '../context.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('a read-only web view of the archive (search, documents, history with diffs, events, source health), Atom feeds and a JSON API')
    .option('--port <n>', 'TCP port (0: any free port)', String(DEFAULT_PORT))
    .option('--host <address>', 'address to listen on; anything but loopback exposes the archive to the network', DEFAULT_HOST)
    .option('--user <name>', `user name of the HTTP Basic login required when $${SERVE_PASSWORD_VARIABLE} is set`, DEFAULT_SERVE_USER)
    .action(async (options: { port: string; host: string; user: string }, command: Command) => {
      const port = parsePort(options.port);
      const context = readingContext(command);
      if (context.config.database !== ':memory:' && !existsSync(context.config.database)) {
        throw new UsageError(
          `no archive at ${context.config.database} (the database named in ${context.configPath}): run \`bureau-watch crawl\` or \`bureau-watch demo\` first`,
        );
      }
      const password = process.env[SERVE_PASSWORD_VARIABLE];
      if (password === '') throw new UsageError(`${SERVE_PASSWORD_VARIABLE} is set but empty: expected a password, or leave it unset for no login`);
      if (options.user === '' || options.user.includes(':')) throw new UsageError(`--user expects a name without ":", got "${options.user}"`);
      // Loaded on use: the other commands do not need the web framework.
      const { runServe } = await import('../../serve/run-serve.js');
      await runServe(context.config, context.log, {
        host: options.host,
        port,
        credentials: password === undefined ? undefined : { user: options.user, password },
        onListening: (server) => print(context, `Serving ${context.config.database} read-only at ${server.url} (Ctrl-C to stop)`),
      });
    });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--port expects a port number from 0 to 65535, got "${text}"`);
  return port;
}
