import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCursors } from '../../src/events/cursor.js';
import { openDatabase } from '../../src/store/database.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { archiveWithEvents } from './event-helpers.js';
import { startReceiver } from './receiver.js';

const SECRET = 'kill-test-secret-value';

describe('a delivery killed with SIGKILL and restarted', () => {
  it('loses nothing: the receiver, de-duplicating by id, gets every event in order', async () => {
    const test = archiveWithEvents(8);
    const allIds = test.events.map((event) => event.id);
    test.db.close();

    let killNow: () => void = () => undefined;
    const fourthArrived = new Promise<void>((resolve) => (killNow = resolve));
    let killed = false;
    // Accepts 3 events, then holds the 4th request open and has the process killed meanwhile.
    const receiver = await startReceiver((_request, index) => {
      if (killed) return 200;
      if (index === 3) {
        killNow();
        return 'hang';
      }
      return 200;
    });
    const config = join(tempDir(), 'config.yaml');
    writeFileSync(config, [
      `database: ${JSON.stringify(test.path)}`,
      'sinks:',
      '  - type: webhook',
      `    url: ${receiver.url}`,
      '    secret: ${HOOK_SECRET}',
      '    backoffMs: 10',
    ].join('\n'));
    const env = { ...process.env, HOOK_SECRET: SECRET };

    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), 'deliver', '--config', config], { env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await fourthArrived;
    child.kill('SIGKILL');
    killed = true;
    expect(await exited).toBe('SIGKILL');

    const db = openDatabase(test.path);
    expect(listCursors(db)[0]!.deliveredSeq).toBe(test.events[2]!.seq);
    db.close();

    const restart = await runCli(['deliver', '--config', config], { env });
    expect(restart.code).toBe(0);
    expect(restart.stdout).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+\s+5\s+0\s+ok/);
    expect(restart.stderr).not.toContain(SECRET);

    const received = receiver.requests.map((request) => request.eventId);
    const deduplicated = received.filter((id, index) => received.indexOf(id) === index);
    expect(deduplicated).toEqual(allIds);
    expect(received).toHaveLength(allIds.length + 1); // the 4th event arrived twice: once unanswered
    expect(receiver.accepted).toEqual(allIds);
  });
});
