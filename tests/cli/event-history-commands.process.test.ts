import { describe, expect, it } from 'vitest';
import { publicEvent } from '../../src/events/event.js';
import { listEvents } from '../../src/events/outbox.js';
import { getDocumentByUrl } from '../../src/store/documents.js';
import { openTestArchive, snapshot } from '../helpers/archive.js';
import { runCli } from '../helpers/cli.js';
import { startReceiver } from '../helpers/receiver.js';
import { tempDir } from '../helpers/temp.js';

const URL_A = 'http://bureau.example/art/2024/3/1/art_1_1.html';
const URL_B = 'http://bureau.example/art/2024/3/2/art_1_2.html';
const V1 = '一、总体要求\n坚持立德树人根本任务。\n二、主要任务\n推进教育现代化。\n三、保障措施\n加强组织领导。';
const V2 = '一、总体要求\n坚持立德树人根本任务。\n二、主要任务\n推进教育现代化建设。\n三、保障措施\n加强组织领导。\n四、附则';

/** An archive with a document in two versions (text and title changed) and one in one version, plus its config. */
function archiveWithHistory(extraConfig: string[] = []): { config: string; db: ReturnType<typeof openTestArchive>['db']; docA: string } {
  const test = openTestArchive({ alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点' }], extraConfig });
  test.record(snapshot(URL_A, { text: V1, title: '2024年工作要点', fields: { validity: '有效' } }));
  test.record(snapshot(URL_B, { text: '关于举办读书月活动的通知正文。', title: '读书月通知' }));
  test.record(snapshot(URL_A, { text: V2, title: '2024年工作要点（修订）', fields: { validity: '失效' } }));
  return { config: test.configPath, db: test.db, docA: getDocumentByUrl(test.db, URL_A)!.id };
}

describe('events command', () => {
  it('lists events oldest first, as a table or as JSON, filtered by --since and --type', async () => {
    const { config, db } = archiveWithHistory();
    const events = listEvents(db).map(publicEvent);

    const table = await runCli(['events', '--config', config]);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n').slice(2);
    expect(rows.map((row) => row.split(/\s{2,}/)[1])).toEqual(['document.created', 'document.created', 'document.updated']);

    const json = await runCli(['events', '--json', '--config', config]);
    expect(JSON.parse(json.stdout)).toEqual(events);
    const since = await runCli(['events', '--json', '--since', events[0]!.id, '--config', config]);
    expect(JSON.parse(since.stdout)).toEqual(events.slice(1));
    const updated = await runCli(['events', '--json', '--type', 'document.updated', '--config', config]);
    expect(JSON.parse(updated.stdout)).toEqual([events[2]]);
    expect(events[2]).toMatchObject({ version: 2, changes: { titleChanged: true, fieldsChanged: ['validity'], paragraphsAdded: 2, paragraphsRemoved: 1 } });
  });

  it('rejects an unknown --since id and an unknown --type with exit code 2', async () => {
    const { config } = archiveWithHistory();
    const since = await runCli(['events', '--since', 'no-such-event', '--config', config]);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since: no event with id "no-such-event"');
    const type = await runCli(['events', '--type', 'document.deleted', '--config', config]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain(
      '--type expects one of document.created, document.updated, document.removed, source.failed, source.recovered, source.silent, got "document.deleted"',
    );
  });
});

describe('history and diff commands', () => {
  it('history lists versions with time, content hash and what changed', async () => {
    const { config, docA } = archiveWithHistory();
    const json = await runCli(['history', URL_A, '--json', '--config', config]);
    expect(json.code).toBe(0);
    const history = JSON.parse(json.stdout) as { version: number; contentHash: string; summary: string }[];
    expect(history.map((entry) => [entry.version, entry.summary])).toEqual([
      [1, 'created'],
      [2, 'title, fields: validity, +2/-1 paragraphs'],
    ]);
    expect(history[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const table = await runCli(['history', docA, '--config', config]);
    expect(table.stdout).toContain('2024年工作要点（修订）');
    expect(table.stdout).toMatch(/2\s+\S+\s+[0-9a-f]{12}\s+2024年工作要点（修订）\s+title, fields: validity, \+2\/-1 paragraphs/);
  });

  it('diff shows the paragraphs removed and added between the last two versions, without colour in a pipe', async () => {
    const { config, docA } = archiveWithHistory();
    const diff = await runCli(['diff', docA, '--config', config]);
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
    const same = await runCli(['diff', docA, '--from', '2', '--to', '2', '--config', config]);
    expect(same.stdout).toContain('(text unchanged)');
    const single = await runCli(['diff', URL_B, '--config', config]);
    expect(single.stdout).toContain('has a single version: nothing to compare');
    const missing = await runCli(['diff', docA, '--from', '7', '--config', config]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has versions 1 to 2: there is no version 7');
  });
});

describe('deliver command', () => {
  it('delivers to an ndjson file, then has nothing left to deliver', async () => {
    const out = `${tempDir()}/events.ndjson`;
    const { config } = archiveWithHistory(['sinks:', '  - type: ndjson', `    path: ${JSON.stringify(out)}`]);
    const first = await runCli(['deliver', '--config', config]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/ndjson \S+events\.ndjson\s+3\s+0\s+ok/);
    const second = await runCli(['deliver', '--config', config]);
    expect(second.stdout).toMatch(/ndjson \S+events\.ndjson\s+0\s+0\s+ok/);
  });

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
