import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp.js';
import { startCli, writeSourceConfig } from './helpers/cli-process.js';
import { html, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { docPath, documentPage, listPage } from './helpers/pages.js';

/** Webhook bodies are signed with HMAC-SHA256; the secret (and a token in the URL path) never reaches a log. */
const SECRET = 'whsec-7f3a9c-never-log-me';
const URL_TOKEN = 'tok-51d0e8-url-path-secret';

let site: FaultServer;
let receiver: Server | undefined;
afterEach(async () => {
  await site?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  receiver = undefined;
});

interface Delivery {
  body: Buffer;
  signature: string | undefined;
  userAgent: string | undefined;
}

async function startReceiver(status: number): Promise<{ url: string; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ body: Buffer.concat(chunks), signature: req.headers['x-bureau-watch-signature'] as string | undefined, userAgent: req.headers['user-agent'] });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${URL_TOKEN}`, deliveries };
}

async function crawlWithWebhook(hookUrl: string) {
  site = await startFaultServer();
  site.route('/', html(listPage([docPath(1), docPath(2)])));
  site.route(docPath(1), html(documentPage('第一份通知', '第一')));
  site.route(docPath(2), html(documentPage('第二份通知', '第二')));
  const dir = tempDir();
  const config = writeSourceConfig(dir, `${site.baseUrl}/`, [
    'sinks:',
    '  - type: webhook',
    `    url: "${hookUrl}"`,
    '    secret: ${BW_FAULT_WEBHOOK_SECRET}',
    '    retries: 1',
    '    backoffMs: 10',
    '    timeoutMs: 2000',
  ]);
  const result = await startCli(['crawl', '--config', config], { BW_FAULT_WEBHOOK_SECRET: SECRET, BUREAU_WATCH_LOG_LEVEL: 'debug' }).done;
  return { result, database: join(dir, 'archive.db') };
}

describe('webhook signature', () => {
  it('signs every delivered body with HMAC-SHA256 of the exact bytes', async () => {
    const hook = await startReceiver(204);
    const { result, database } = await crawlWithWebhook(hook.url);
    expect(result.code, result.stderr).toBe(0);

    expect(hook.deliveries).toHaveLength(2);
    for (const delivery of hook.deliveries) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`;
      expect(delivery.signature).toBe(expected);
      expect(delivery.userAgent).toContain('bureau-watch');
      // A different secret or a changed body would not verify.
      expect(createHmac('sha256', `${SECRET}x`).update(delivery.body).digest('hex')).not.toBe(expected.slice(7));
    }
    const db = openDatabase(database);
    const ids = db.prepare('SELECT id FROM events ORDER BY seq').pluck().all();
    db.close();
    expect(hook.deliveries.map((d) => (JSON.parse(d.body.toString('utf8')) as { id: string }).id)).toEqual(ids);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });
});

describe('secrets in logs', () => {
  it('never logs the secret or the URL token while a webhook keeps failing, at debug level', async () => {
    const hook = await startReceiver(500);
    const { result } = await crawlWithWebhook(hook.url);

    expect(hook.deliveries.length).toBeGreaterThanOrEqual(2);
    // The failure is logged (so the logs were looked at), without the secret or the URL's path.
    expect(result.stderr).toMatch(/webhook|HTTP 500/i);
    expect(result.stderr).toContain('127.0.0.1');
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
    expect(`${result.stdout}${result.stderr}`).not.toContain(URL_TOKEN);
  });

  it('redacts secrets the logger is handed, in every shape the code logs config in', () => {
    const logModule = fileURLToPath(new URL('../../src/log.ts', import.meta.url));
    const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
    const script = `const { createLogger } = await import(${JSON.stringify(logModule)});
      const log = createLogger('debug');
      const sink = { type: 'webhook', url: 'http://127.0.0.1:9/', secret: ${JSON.stringify(SECRET)} };
      log.info({ sink }, 'sink');
      log.info({ config: { sinks: [sink] } }, 'config');
      log.info({ secret: ${JSON.stringify(SECRET)} }, 'bare');
      log.info({ request: { headers: { authorization: ${JSON.stringify(SECRET)} } } }, 'nested');
      log.info({ headers: { authorization: ${JSON.stringify(SECRET)} } }, 'headers');
      log.info({ sinks: [sink, sink] }, 'sinks');
      log.info({ source: 'x', options: sink }, 'options');`;
    const child = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(child.stderr).not.toContain(SECRET);
    expect(child.stderr.match(/\[redacted\]/g)).toHaveLength(8);
  });
});
