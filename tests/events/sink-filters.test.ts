import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { listCursors } from '../../src/events/cursor.js';
import { deliverPending } from '../../src/events/delivery.js';
import { BUREAU, addDocuments, archiveForMessages, snapshot } from '../helpers/archive.js';
import { captureLog } from '../helpers/log.js';
import { robotSink, startReceiver } from '../helpers/receiver.js';
import { tempDir } from '../helpers/temp.js';

const OK = { reply: { errcode: 0, errmsg: 'ok' } };

function readLines(path: string): { title: string; type: string }[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { title: string; type: string });
}

describe('per-sink filters', () => {
  it("sends a group only its bureau's alerted plans and moves the cursor past the rest", async () => {
    const test = archiveForMessages();
    const receiver = await startReceiver(() => OK);
    const sink = robotSink('dingtalk', `${receiver.origin}/robot/send?access_token=t`, { filter: { alerts: ['new-plan'], sources: [BUREAU.id] } });

    const [first] = await deliverPending(test.db, [sink], { log: captureLog().logger });
    expect(first).toMatchObject({ delivered: 1, filtered: 2, pending: 0, error: null });
    expect(receiver.requests.map((request) => (request.json as { markdown: { title: string } }).markdown.title)).toEqual(['【新发布】2024年工作要点']);
    expect(listCursors(test.db)[0]!.deliveredSeq).toBe(test.events.at(-1)!.seq);

    addDocuments(test, 20, 24); // source "alpha": all passed over, none sent, none left pending
    const [second] = await deliverPending(test.db, [sink], { log: captureLog().logger });
    expect(second).toMatchObject({ delivered: 0, filtered: 4, pending: 0 });
    expect(receiver.requests).toHaveLength(1);
  });

  it('filters by event type on any sink, sending the accepted events of a batch around the passed-over ones', async () => {
    const test = archiveForMessages();
    const path = join(tempDir(), 'updates.ndjson');
    const sinks = [{ type: 'ndjson' as const, path, filter: { types: ['document.updated' as const] } }];
    const [first] = await deliverPending(test.db, sinks, { log: captureLog().logger });
    expect(first).toMatchObject({ delivered: 0, filtered: 3, pending: 0 });

    test.record(snapshot('http://bureau.example/art/2024/3/1_a.html', { text: '第一篇正文，已修订。', title: '2024年工作要点', source: BUREAU.id }));
    addDocuments(test, 30, 31);
    test.record(snapshot('http://bureau.example/art/2024/3/2_b.html', { text: '第二篇正文，已修订。', title: '关于放假的通知', source: BUREAU.id }));
    const [second] = await deliverPending(test.db, sinks, { log: captureLog().logger });
    expect(second).toMatchObject({ delivered: 2, filtered: 1, pending: 0 });
    expect(readLines(path)).toMatchObject([
      { type: 'document.updated', title: '2024年工作要点' },
      { type: 'document.updated', title: '关于放假的通知' },
    ]);
  });

  it('rejects an unknown filter key and an empty list, naming the key path', () => {
    const base = 'sinks:\n  - type: stdout\n    filter:\n';
    expect(() => parseConfigText(`${base}      alert: [x]\n`, 'test.yaml', {})).toThrow(/sinks\.0\.filter.*alert/);
    expect(() => parseConfigText(`${base}      alerts: []\n`, 'test.yaml', {})).toThrow(/sinks\.0\.filter\.alerts/);
    expect(() => parseConfigText(`${base}      types: [document.deleted]\n`, 'test.yaml', {})).toThrow(/sinks\.0\.filter\.types\.0/);
  });
});
