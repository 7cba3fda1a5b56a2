import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import type { SinkConfig } from '../../src/config/schema.js';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import { redactUrls } from '../../src/events/sinks/redact-url.js';
import { UsageError } from '../../src/errors.js';
import { archiveWithEvents } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { startReceiver } from '../helpers/receiver.js';

/**
 * A webhook URL with `user:password@` is refused at load; no error, log or stored message repeats a
 * URL's secrets. The command line's refusal: webhook-security.process.test.ts.
 */
const PASSWORD = 'pw-9c41e7-never-shown';
const PATH_TOKEN = 'tok-3b7f20-path-secret';

function loadError(yaml: string): Error {
  try {
    parseConfigText(yaml, 'hooks.yaml', {});
  } catch (error) {
    return error as Error;
  }
  throw new Error('the config was accepted');
}

describe('webhook URLs with credentials', () => {
  for (const url of [`https://alice:${PASSWORD}@hooks.example.org/x`, `http://:${PASSWORD}@127.0.0.1:9/`, `https://${PASSWORD}@hooks.example.org/`]) {
    it(`refuses ${url.replace(PASSWORD, 'SECRET')} at load, naming the key and not the password`, () => {
      const error = loadError(`sinks:\n  - type: webhook\n    url: "${url}"\n`);
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toMatch(/sinks\.0\.url: expected a URL without user:password@/);
      expect(error.message).not.toContain(PASSWORD);
    });
  }

  it('keeps the password and path token out of the report, sink_cursors.last_error and the log even if such a URL got through', async () => {
    const test = archiveWithEvents(2);
    const receiver = await startReceiver(() => 200);
    const origin = new URL(receiver.url).origin;
    const url = `${origin.replace('://', `://bw:${PASSWORD}@`)}/hooks/${PATH_TOKEN}`;
    // Past the schema on purpose: fetch refuses the URL with a message that quotes it whole.
    const sink = { type: 'webhook', url, timeoutMs: 2_000, retries: 1, backoffMs: 5, concurrency: 1 } as SinkConfig;
    const { logger: log, text: output } = captureLog();

    const [report] = await deliverPending(test.db, [sink], { log });

    expect(receiver.requests).toHaveLength(0);
    expect(report!.error).toMatch(/credentials/);
    const stored = listCursors(test.db)
      .map((cursor) => cursor.lastError)
      .join('\n');
    expect(stored).toContain(origin);
    for (const text of [report!.error!, report!.label, stored, output()]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(PATH_TOKEN);
    }
    expect(output()).toMatch(/retrying/);
  });

  it('redacts every URL in a message to its origin', () => {
    expect(redactUrls(`failed: https://u:${PASSWORD}@h.example:8443/p/${PATH_TOKEN}?k=v, then http://h.example/`)).toBe(
      'failed: https://h.example:8443/…, then http://h.example',
    );
  });
});
