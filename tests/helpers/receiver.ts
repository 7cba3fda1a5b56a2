/**
 * The one webhook receiver of the tests: records every request on loopback; closed when the test
 * ends. It stands in for a plain webhook (answers a status) and for a chat robot's endpoint (answers
 * a status and a JSON reply); `robotSink` is a robot sink's config with test timings.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { SinkConfig } from '../../src/config/schema.js';

export interface ReceivedRequest {
  body: string;
  /** The body's exact bytes (signatures are computed over them). */
  bytes: Buffer;
  /** The body parsed as JSON. */
  json: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** The `id` of the event the body carries (a webhook's body); '' in a robot's message. */
  eventId: string;
  /** Path and query as received, e.g. /robot/send?access_token=…&timestamp=…&sign=… */
  url: URL;
  /** Date.now() when the request had arrived whole. */
  receivedAt: number;
}

/** A status and a body, sent as JSON (a string as it is): what a chat robot's endpoint answers. */
export interface JsonAnswer {
  /** @default 200 */
  status?: number;
  reply: unknown;
}

/**
 * Decides the answer to the n-th request (0-based): a status code, a status with a JSON reply, or
 * 'hang' to never answer; may take its time (a promise).
 */
export type Responder = (request: ReceivedRequest, index: number) => Answer | Promise<Answer>;
type Answer = number | 'hang' | JsonAnswer;

export interface Receiver {
  /** The origin and the path given to startReceiver. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
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
      const json = JSON.parse(body) as Record<string, unknown>;
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      const request = { body, bytes, json, headers: req.headers, eventId: typeof json.id === 'string' ? json.id : '', url, receivedAt: Date.now() };
      requests.push(request);
      void Promise.resolve(respond(request, requests.length - 1)).then((answer) => {
        if (answer === 'hang') return void hanging.push(res);
        const status = typeof answer === 'number' ? answer : (answer.status ?? 200);
        if (status >= 200 && status < 300) accepted.push(request.eventId);
        if (typeof answer === 'number') return void res.writeHead(status).end();
        res.writeHead(status, { 'content-type': 'application/json' }).end(typeof answer.reply === 'string' ? answer.reply : JSON.stringify(answer.reply));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      server.close(() => resolve());
    });
  onTestFinished(close);
  return { url: `${origin}${path}`, origin, requests, accepted, close };
}

/** A chat-robot sink config with test timings (no pacing, short backoff). */
export function robotSink(type: 'dingtalk' | 'wecom' | 'feishu', url: string, extra: Record<string, unknown> = {}): SinkConfig {
  return { type, url, timeoutMs: 2_000, retries: 3, backoffMs: 5, minIntervalMs: 0, template: {}, ...extra };
}
