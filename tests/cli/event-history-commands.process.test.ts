/**
 * `deliver` through the compiled CLI with a webhook that is down, logging at debug level: exit 1, the
 * events kept, and neither the secret nor the URL's token in what it prints or logs. (The other cases
 * of events, history, diff and deliver run in process: event-history-commands.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startReceiver } from '../helpers/receiver.js';
import { archiveWithHistory } from './history-archive.js';

describe('deliver command (child process)', () => {
  it('exits 1 when a webhook is down, keeps the events, and never prints the secret', async () => {
    const receiver = await startReceiver(() => 500, '/hook/PATH-TOKEN-123');
    const { config } = archiveWithHistory([
      'sinks:',
      '  - type: webhook',
      `    url: ${receiver.url}`,
      '    secret: ${HOOK_SECRET}',
      '    retries: 1',
      '    backoffMs: 1',
    ]);
    const result = await runCli(['deliver', '--config', config], { env: { HOOK_SECRET: 'do-not-log-me', BUREAU_WATCH_LOG_LEVEL: 'debug' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+\s+0\s+3\s+\S.*HTTP 500/);
    expect(result.stderr).toContain('could not take every event');
    expect(result.stdout + result.stderr).not.toContain('do-not-log-me');
    expect(result.stdout + result.stderr).not.toContain('PATH-TOKEN-123');
  });
});
