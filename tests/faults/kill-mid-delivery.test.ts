import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp.js';
import { startCli, waitFor, writeSourceConfig } from './helpers/cli-process.js';
import { html, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { docPath, documentPage, listPage } from './helpers/pages.js';

/** `kill -9` while events are being delivered: the next `deliver` sends the rest; no event is lost. */
const DOCUMENTS = 12;
let site: FaultServer;
let receiver: Server | undefined;
afterEach(async () => {
  await site?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  receiver = undefined;
});

describe('kill -9 mid-delivery', () => {
  it('delivers every recorded event at least once after the killed run', async () => {
    site = await startFaultServer();
    const numbers = Array.from({ length: DOCUMENTS }, (_, i) => i + 1);
    site.route('/', html(listPage(numbers.map(docPath))));
    for (const n of numbers) site.route(docPath(n), html(documentPage(`第${n}号通知`, `标记${n}号`)));
    const mode = { status: 503, delayMs: 0 };
    const received: string[] = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => setTimeout(() => {
        if (mode.status === 200) received.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id);
        res.writeHead(mode.status).end();
      }, mode.delayMs));
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const dir = tempDir();
    const config = writeSourceConfig(dir, `${site.baseUrl}/`, ['sinks:', '  - type: webhook', `    url: "${hook}"`, '    retries: 0', '    timeoutMs: 5000']);

    // The crawl records the events; the webhook is down, so they stay pending.
    const crawl = await startCli(['crawl', '--config', config]).done;
    expect(crawl.code, crawl.stderr).toBe(0);
    const db = openDatabase(join(dir, 'archive.db'));
    const recorded = db.prepare('SELECT id FROM events ORDER BY seq').pluck().all() as string[];
    expect(recorded).toHaveLength(DOCUMENTS);

    mode.status = 200;
    mode.delayMs = 150;
    const first = startCli(['deliver', '--config', config]);
    await waitFor(() => received.length >= 3, 'three deliveries');
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(received.length).toBeLessThan(DOCUMENTS);

    mode.delayMs = 0;
    const second = await startCli(['deliver', '--config', config]).done;
    expect(second.code, second.stderr).toBe(0);
    expect(new Set(received)).toEqual(new Set(recorded));
    // At-least-once: an event may come twice (receivers de-duplicate by id), never be skipped.
    expect(received.length).toBeLessThanOrEqual(DOCUMENTS + 2);
    db.close();
  });
});
