import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { parseLogLines, runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/config.js';
import { disclosurePage, docPath, linkItems, listPage } from '../helpers/pages.js';
import { startReceiver } from '../helpers/receiver.js';
import { html, startTestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Webhook bodies are signed with HMAC-SHA256; the secret (and a token in the URL path) never reaches
 * a log; a URL with credentials is refused, and a webhook without secret or over plain http warned
 * about, by the CLI at load (the in-process sides: webhook-credentials and webhook-signatures tests).
 */
const SECRET = 'whsec-7f3a9c-never-log-me';
const URL_TOKEN = 'tok-51d0e8-url-path-secret';

function receiverAnswering(status: number) {
  return startReceiver(() => status, `/hooks/${URL_TOKEN}`);
}

/** One crawl of two documents whose events go to two webhooks (same secret, a token in each path). */
async function crawlWithWebhooks(hookUrls: string[]) {
  const site = await startTestSite();
  onTestFinished(() => site.close());
  site.route('/', html(listPage(linkItems([docPath(1), docPath(2)]))));
  site.route(docPath(1), html(disclosurePage('第一份通知', '第一')));
  site.route(docPath(2), html(disclosurePage('第二份通知', '第二')));
  const { configPath, databasePath } = writeConfig(tempDir(), {
    fetch: { timeoutSecs: 5, maxRetries: 1 },
    sources: [{ id: 'fault-src', startUrls: [`${site.baseUrl}/`] }],
    sinks: hookUrls.map((url) => ({ type: 'webhook', url, secret: '${BW_FAULT_WEBHOOK_SECRET}', retries: 1, backoffMs: 10, timeoutMs: 2000 })),
  });
  const result = await runCli(['crawl', '--config', configPath], { env: { BW_FAULT_WEBHOOK_SECRET: SECRET, BUREAU_WATCH_LOG_LEVEL: 'debug' } });
  return { result, database: databasePath };
}

describe('webhook signature and secrets in logs (one crawl, one webhook up and one down)', () => {
  it('signs every delivered body with HMAC-SHA256 of the exact bytes; never logs the secret or the URL token while the other keeps failing, at debug level', async () => {
    const hook = await receiverAnswering(204);
    const down = await receiverAnswering(500);
    const { result, database } = await crawlWithWebhooks([hook.url, down.url]);
    // A sink that is down never fails the crawl: the events it recorded stay pending for it.
    expect(result.code, result.stderr).toBe(0);

    expect(hook.requests).toHaveLength(2);
    for (const delivery of hook.requests) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(delivery.bytes).digest('hex')}`;
      expect(delivery.headers['x-bureau-watch-signature']).toBe(expected);
      expect(delivery.headers['user-agent']).toContain('bureau-watch');
      // A different secret or a changed body would not verify.
      expect(createHmac('sha256', `${SECRET}x`).update(delivery.bytes).digest('hex')).not.toBe(expected.slice(7));
    }
    const db = openDatabase(database);
    const ids = db.prepare('SELECT id FROM events ORDER BY seq').pluck().all();
    const delivered = db.prepare('SELECT label, delivered_seq AS seq FROM sink_cursors').all() as { label: string; seq: number }[];
    db.close();
    expect(ids).toHaveLength(2);
    expect(hook.requests.map((d) => d.eventId)).toEqual(ids);
    const deliveredTo = (url: string) => delivered.find((cursor) => cursor.label.includes(new URL(url).origin))?.seq;
    expect(deliveredTo(hook.url)).toBeGreaterThan(0);
    expect(deliveredTo(down.url)).toBe(0);
    expect(down.requests.length).toBeGreaterThanOrEqual(2);

    // The failure is logged (so the logs were looked at), without the secret or the URL's path.
    expect(result.stderr).toContain('HTTP 500');
    expect(result.stderr).toContain(new URL(down.url).host);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
    expect(`${result.stdout}${result.stderr}`).not.toContain(URL_TOKEN);
  });
});

describe('secrets in logs', () => {
  it('redacts secrets the logger is handed, in every shape the code logs config in', () => {
    const logModule = fileURLToPath(new URL('../../dist/log.js', import.meta.url));
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
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(child.stderr).not.toContain(SECRET);
    expect(child.stderr.match(/\[redacted\]/g)).toHaveLength(8);
  });
});

describe('webhook URLs with credentials', () => {
  const PASSWORD = 'pw-9c41e7-never-shown';
  const PATH_TOKEN = 'tok-3b7f20-path-secret';

  it('exits 2 on the command line without printing the password', async () => {
    const dir = tempDir();
    const config = join(dir, 'hooks.yaml');
    writeFileSync(config, `database: ${join(dir, 'a.db')}\nsinks:\n  - type: webhook\n    url: "https://bw:${PASSWORD}@hooks.example.org/${PATH_TOKEN}"\n`);
    const result = await runCli(['deliver', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sinks\.0\.url/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(PASSWORD);
    expect(`${result.stdout}${result.stderr}`).not.toContain(PATH_TOKEN);
  });
});

describe('webhook warnings at load', () => {
  it('warns about a webhook without secret and about plain http to a non-loopback host, not about a signed loopback one', async () => {
    const dir = tempDir();
    const database = join(dir, 'archive.db');
    openDatabase(database).close(); // no events: nothing is sent anywhere
    const config = join(dir, 'hooks.yaml');
    writeFileSync(
      config,
      [
        `database: ${database}`,
        'sinks:',
        '  - type: webhook',
        '    url: "http://hooks.example.invalid/bureau/tok-6d2e"',
        '  - type: webhook',
        '    url: "http://127.0.0.1:9/hook"',
        '    secret: loopback-secret',
        '',
      ].join('\n'),
    );

    const result = await runCli(['deliver', '--config', config]);

    expect(result.code, result.stderr).toBe(0);
    const warnings = parseLogLines(result.stderr)
      .filter((line) => line.level === 40)
      .map((line) => `${String(line.key)}: ${String(line.msg)}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^sinks\.0: webhook sinks\.0 has no secret/),
      expect.stringMatching(/^sinks\.0: webhook sinks\.0 posts over plain http to hooks\.example\.invalid/),
    ]);
    expect(result.stderr).not.toContain('tok-6d2e');
    expect(result.stderr).not.toContain('loopback-secret');
  });
});
