/** The one webhook receiver of the tests: records every request on loopback; closed when the test ends. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface ReceivedRequest {
  body: string;
  /** The body's exact bytes (signatures are computed over them). */
  bytes: Buffer;
  headers: IncomingHttpHeaders;
  eventId: string;
}

/**
 * Decides the answer to the n-th request (0-based): a status code, or 'hang' to never answer; may
 * take its time (a promise).
 */
export type Responder = (request: ReceivedRequest, index: number) => number | 'hang' | Promise<number | 'hang'>;

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Ids of the events answered 2xx, in order. */
  accepted: string[];
  close(): Promise<void>;
}

export async function startReceiver(respond: Responder = () => 200, path = '/hooks/secret-token-abc'): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: string[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString('utf8');
      const request = { body, bytes, headers: req.headers, eventId: (JSON.parse(body) as { id: string }).id };
      requests.push(request);
      void Promise.resolve(respond(request, requests.length - 1)).then((status) => {
        if (status === 'hang') return void hanging.push(res);
        if (status >= 200 && status < 300) accepted.push(request.eventId);
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => {
    hanging.forEach((res) => res.destroy());
    server.closeAllConnections();
    server.close(() => resolve());
  });
  onTestFinished(close);
  return { url: `http://127.0.0.1:${port}${path}`, requests, accepted, close };
}
