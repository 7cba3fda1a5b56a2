/** The web view behind a Node HTTP server: listening, with the failures a user can act on named, and closing gracefully. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { FatalError, UsageError, errorMessage } from '../errors.js';

export interface RunningServer {
  /** Where to point a browser, e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

export async function startServer(app: Hono, host: string, port: number): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, host, port)));
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open until they time out.
        server.closeIdleConnections();
      }),
  };
}

function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): FatalError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new FatalError(`port ${port} on ${host} is already in use: stop what listens there or choose another with --port`);
    case 'EACCES':
      return new FatalError(`not permitted to listen on port ${port} of ${host} (ports below 1024 need privileges): choose another with --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new UsageError(`--host ${host} is not an address of this machine (${error.code})`);
    default:
      return new FatalError(`cannot listen on ${host}:${port}: ${errorMessage(error)}`);
  }
}
