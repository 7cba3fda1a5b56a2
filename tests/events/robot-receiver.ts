import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import type { SinkConfig } from '../../src/config/schema.js';

/** A robot sink config with test timings (no pacing, short backoff). */
export function robot(type: 'dingtalk' | 'wecom' | 'feishu', url: string, extra: Record<string, unknown> = {}): SinkConfig {
  return { type, url, timeoutMs: 2_000, retries: 3, backoffMs: 5, minIntervalMs: 0, template: {}, ...extra } as SinkConfig;
}

export interface RobotRequest {
  /** Path and query as received, e.g. /robot/send?access_token=…&timestamp=…&sign=… */
  url: URL;
  body: Record<string, unknown>;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  /** Date.now() when the request had arrived whole. */
  receivedAt: number;
}

/** The answer to the n-th request (0-based): HTTP status and JSON reply. */
export type RobotResponder = (request: RobotRequest, index: number) => { status?: number; reply: unknown };

export interface RobotReceiver {
  /** Base URL (origin) of the receiver. */
  origin: string;
  requests: RobotRequest[];
}

/** A chat-robot endpoint on loopback that records every request and answers as `respond` says. */
export async function startRobotReceiver(respond: RobotResponder): Promise<RobotReceiver> {
  const requests: RobotRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request = { url: new URL(req.url!, 'http://robot.invalid'), body: JSON.parse(rawBody) as Record<string, unknown>, rawBody, headers: req.headers, receivedAt: Date.now() };
      requests.push(request);
      const { status = 200, reply } = respond(request, requests.length - 1);
      res.writeHead(status, { 'content-type': 'application/json' }).end(typeof reply === 'string' ? reply : JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  onTestFinished(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { origin: `http://127.0.0.1:${port}`, requests };
}
