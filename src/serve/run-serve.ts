/**
 * `serve`: opens the archive read-only, serves the web view until SIGTERM/SIGINT, then stops
 * accepting connections, lets the requests in hand finish, closes the database and returns.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import { onShutdownSignal } from '../process/signals.js';
import { openDatabaseReadOnly } from '../store/read-only.js';
import { createServeApp } from './app.js';
import { SERVE_PASSWORD_VARIABLE } from './login.js';
import { isLoopbackHost } from './security.js';
import { startServer, type RunningServer } from './server.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** HTTP Basic credentials every request must bring. @default none */
  credentials?: { user: string; password: string };
  /** Called once the server listens (the command prints the URL). */
  onListening?: (server: RunningServer) => void;
}

export async function runServe(config: Config, log: Logger, options: ServeOptions): Promise<void> {
  // A reader who cannot write the archive may be given a private copy: a snapshot (docs/schema.md).
  const db = openDatabaseReadOnly(config.database, { log });
  try {
    const loopback = isLoopbackHost(options.host);
    if (!loopback && !options.credentials) {
      log.warn(
        { host: options.host },
        `serving on ${options.host}: the archive is readable by anyone who can reach this machine's port ${options.port} (set ${SERVE_PASSWORD_VARIABLE} to require a password)`,
      );
    }
    if (!loopback && options.credentials) {
      log.warn({ host: options.host }, `serving on ${options.host} over plain HTTP: the password crosses the network readable; put a TLS proxy in front`);
    }
    const app = createServeApp(
      {
        db,
        log,
        sources: config.sources.map(({ id, name }) => ({ id, name })),
        alerts: config.alerts.map((alert) => alert.name),
      },
      { loopbackOnly: loopback, credentials: options.credentials },
    );
    const server = await startServer(app, options.host, options.port);
    log.info({ url: server.url, database: config.database }, 'serving the archive read-only');
    options.onListening?.(server);
    // A second signal while closing exits at once (src/process/signals.ts).
    let removeHandlers = (): void => {};
    await new Promise<void>((resolve) => {
      removeHandlers = onShutdownSignal(log, () => void server.close().then(resolve, resolve));
    });
    removeHandlers();
    log.info('stopped serving');
  } finally {
    db.close();
  }
}
