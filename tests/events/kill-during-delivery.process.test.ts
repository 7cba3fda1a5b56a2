import { writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listCursors } from '../../src/events/cursor.js';
import { openDatabase } from '../../src/store/database.js';
import { archiveWithEvents } from '../helpers/archive.js';
import { runCli, startCli } from '../helpers/cli.js';
import { startReceiver } from '../helpers/receiver.js';

const SECRET = 'kill-test-secret-value';

/** `kill -9` while events are being delivered: the next `deliver` sends the rest, in order; no event is lost. */
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
    writeFileSync(
      test.configPath,
      [
        `database: ${JSON.stringify(test.databasePath)}`,
        'sinks:',
        '  - type: webhook',
        `    url: ${receiver.url}`,
        '    secret: ${HOOK_SECRET}',
        '    backoffMs: 10',
      ].join('\n'),
    );
    const config = test.configPath;
    const env = { HOOK_SECRET: SECRET };

    const delivery = startCli(['deliver', '--config', config], { env });
    onTestFinished(() => void delivery.child.kill('SIGKILL'));
    await fourthArrived;
    delivery.child.kill('SIGKILL');
    killed = true;
    expect((await delivery.done).signal).toBe('SIGKILL');

    const db = openDatabase(test.databasePath);
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
