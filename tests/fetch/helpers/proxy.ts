import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A forward proxy on loopback for the site access tests (plain absolute-URI requests and CONNECT),
 * and a port nothing listens on. The sites themselves are tests/helpers/site.ts (`tls` for HTTPS).
 */
export interface TestProxy {
  url: string;
  port: number;
  /** `GET http://…` for plain requests, `CONNECT host:port` for tunnels. */
  log: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy. `routes` maps the host:port a client asks for to where the proxy really goes:
 * the site listens where only the proxy reaches. Plain requests get a `via: test-proxy` header.
 * With `credentials` ("user:pass"), anything else gets 407.
 */
export async function startProxy(options: { routes?: Map<string, string>; credentials?: string } = {}): Promise<TestProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const target = (hostPort: string): string => options.routes?.get(hostPort) ?? hostPort;
  const authorized = (req: IncomingMessage): boolean =>
    !options.credentials || req.headers['proxy-authorization'] === `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const server = createHttpServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    if (!authorized(req)) return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
    const asked = new URL(req.url ?? '');
    const [hostname, port] = target(asked.host).split(':');
    const headers = { ...req.headers, via: 'test-proxy' };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ hostname, port, path: asked.pathname + asked.search, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    log.push(`CONNECT ${req.url}`);
    if (!authorized(req)) return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
    const [hostname, port] = target(req.url ?? '').split(':');
    const upstream = connect(Number(port), hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [upstream, client]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        upstream.destroy();
        client.destroy();
      });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
