import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface ReceivedRequest {
  body: string;
  headers: IncomingHttpHeaders;
  eventId: string;
}

/** Decides the answer to the n-th request (0-based): a status code, or 'hang' to never answer. */
export type Responder = (request: ReceivedRequest, index: number) => number | 'hang';

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Ids of the events answered 2xx, in order. */
  accepted: string[];
  close(): Promise<void>;
}

/** A webhook receiver on loopback that records every request; closed when the test finishes. */
export async function startReceiver(respond: Responder = () => 200, path = '/hooks/secret-token-abc'): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: string[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request = { body, headers: req.headers, eventId: (JSON.parse(body) as { id: string }).id };
      requests.push(request);
      const status = respond(request, requests.length - 1);
      if (status === 'hang') {
        hanging.push(res);
        return;
      }
      if (status >= 200 && status < 300) accepted.push(request.eventId);
      res.writeHead(status).end();
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
