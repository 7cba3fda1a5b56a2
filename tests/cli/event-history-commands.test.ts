/**
 * `events`, `history`, `diff` and `deliver` (in process, src/cli/run.ts). The compiled CLI runs them in
 * event-history-commands.process.test.ts (a webhook down, with debug logs), demo-command.process.test.ts
 * and exit-codes.process.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { publicEvent } from '../../src/events/event.js';
import { listEvents } from '../../src/events/outbox.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';
import { archiveWithHistory, URL_A, URL_B } from './history-archive.js';

describe('events command', () => {
  it('lists events oldest first, as a table or as JSON, filtered by --since and --type', async () => {
    const { config, db } = archiveWithHistory();
    const events = listEvents(db).map(publicEvent);

    const table = await runCliInProcess(['events', '--config', config]);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n').slice(2);
    expect(rows.map((row) => row.split(/\s{2,}/)[1])).toEqual(['document.created', 'document.created', 'document.updated']);

    const json = await runCliInProcess(['events', '--json', '--config', config]);
    expect(JSON.parse(json.stdout)).toEqual(events);
    const since = await runCliInProcess(['events', '--json', '--since', events[0]!.id, '--config', config]);
    expect(JSON.parse(since.stdout)).toEqual(events.slice(1));
    const updated = await runCliInProcess(['events', '--json', '--type', 'document.updated', '--config', config]);
    expect(JSON.parse(updated.stdout)).toEqual([events[2]]);
    expect(events[2]).toMatchObject({ version: 2, changes: { titleChanged: true, fieldsChanged: ['validity'], paragraphsAdded: 2, paragraphsRemoved: 1 } });
  });

  it('rejects an unknown --since id and an unknown --type with exit code 2', async () => {
    const { config } = archiveWithHistory();
    const since = await runCliInProcess(['events', '--since', 'no-such-event', '--config', config]);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since: no event with id "no-such-event"');
    const type = await runCliInProcess(['events', '--type', 'document.deleted', '--config', config]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain(
      '--type expects one of document.created, document.updated, document.removed, source.failed, source.recovered, source.silent, got "document.deleted"',
    );
  });
});

describe('history and diff commands', () => {
  it('history lists versions with time, content hash and what changed', async () => {
    const { config, docA } = archiveWithHistory();
    const json = await runCliInProcess(['history', URL_A, '--json', '--config', config]);
    expect(json.code).toBe(0);
    const history = JSON.parse(json.stdout) as { version: number; contentHash: string; summary: string }[];
    expect(history.map((entry) => [entry.version, entry.summary])).toEqual([
      [1, 'created'],
      [2, 'title, fields: validity, +2/-1 paragraphs'],
    ]);
    expect(history[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const table = await runCliInProcess(['history', docA, '--config', config]);
    expect(table.stdout).toContain('2024年工作要点（修订）');
    expect(table.stdout).toMatch(/2\s+\S+\s+[0-9a-f]{12}\s+2024年工作要点（修订）\s+title, fields: validity, \+2\/-1 paragraphs/);
  });

  it('diff shows the paragraphs removed and added between the last two versions, without colour in a pipe', async () => {
    const { config, docA } = archiveWithHistory();
    const diff = await runCliInProcess(['diff', docA, '--config', config]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).not.toContain('\u001b[');
    expect(diff.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--- version 1 .* 2024年工作要点$/),
        expect.stringMatching(/^\+\+\+ version 2 .* 2024年工作要点（修订）$/),
        'field validity: 有效 → 失效',
        '  二、主要任务',
        '- 推进教育现代化。',
        '+ 推进教育现代化建设。',
        '+ 四、附则',
      ]),
    );
    expect(diff.stdout).toContain('  … 2 unchanged paragraphs');
    const same = await runCliInProcess(['diff', docA, '--from', '2', '--to', '2', '--config', config]);
    expect(same.stdout).toContain('(text unchanged)');
    const single = await runCliInProcess(['diff', URL_B, '--config', config]);
    expect(single.stdout).toContain('has a single version: nothing to compare');
    const missing = await runCliInProcess(['diff', docA, '--from', '7', '--config', config]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has versions 1 to 2: there is no version 7');
  });
});

describe('deliver command', () => {
  it('delivers to an ndjson file, then has nothing left to deliver', async () => {
    const out = `${tempDir()}/events.ndjson`;
    const { config } = archiveWithHistory(['sinks:', '  - type: ndjson', `    path: ${JSON.stringify(out)}`]);
    const first = await runCliInProcess(['deliver', '--config', config]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/ndjson \S+events\.ndjson\s+3\s+0\s+ok/);
    const second = await runCliInProcess(['deliver', '--config', config]);
    expect(second.stdout).toMatch(/ndjson \S+events\.ndjson\s+0\s+0\s+ok/);
  });
});
