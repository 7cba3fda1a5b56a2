import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomFeedXml } from '../../src/export/atom.js';
import { BUREAU, OTHER_BUREAU, archiveForMessages } from '../helpers/archive.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';
import { children, parseAtom, text } from './atom-reader.js';

const HOSTILE = '</title><script>alert(1)</script> & ]]> <![CDATA[x]]> \u0001\u0008 "q" \'a\'';

describe('Atom feeds of the events', () => {
  it('is valid Atom 1.0 with one entry per event, newest first, linking to each document', () => {
    const test = archiveForMessages();
    const { xml, entries } = atomFeedXml(test.db, {});
    expect(entries).toBe(3);
    const feed = parseAtom(xml);
    expect(text(feed, 'id')).toBe('tag:bureau-watch,2024:feed/all');
    expect(text(feed, 'title')).toBe('全部来源 — bureau-watch');
    const items = children(feed, 'entry');
    expect(items.map((entry) => text(entry, 'id'))).toEqual([...test.events].reverse().map((event) => `urn:uuid:${event.id}`));
    expect(text(feed, 'updated')).toBe(test.events.at(-1)!.at);
    const first = items.at(-1)!;
    expect(text(first, 'title')).toBe('【新发布】2024年工作要点');
    expect(children(first, 'link')[0]!.getAttribute('href')).toBe('http://bureau.example/art/2024/3/1_a.html');
    expect(text(first, 'summary')).toBe(`来源：${BUREAU.name}；发布日期：2024-03-01；提醒规则：new-plan；版本 1`);
    expect(children(first, 'author')[0]!.textContent?.trim()).toBe(BUREAU.name);
    expect(children(first, 'category').map((category) => category.getAttribute('term'))).toEqual(['document.created', 'new-plan']);
  });

  it('shows a hostile title as the text it is (a feed parser reads back the same characters)', () => {
    const test = archiveForMessages([HOSTILE, '通知', '计划']);
    const { xml } = atomFeedXml(test.db, { sourceId: BUREAU.id });
    parseAtom(xml);
    expect(xml).not.toContain('<script>');
    const parsed = parseAtomFeed(xml);
    expect(parsed.entries?.at(-1)?.title).toMatchObject({ value: '【新发布】</title><script>alert(1)</script> & ]]> <![CDATA[x]]> "q" \'a\'', type: 'text' });
  });

  it('makes a feed per source and per alert, with their own ids and stable entry ids', () => {
    const test = archiveForMessages();
    const now = new Date('2024-04-01T00:00:00Z');
    const bySource = parseAtom(atomFeedXml(test.db, { sourceId: OTHER_BUREAU.id }, { now }).xml);
    expect(text(bySource, 'id')).toBe('tag:bureau-watch,2024:feed/source/other-bureau');
    expect(children(bySource, 'entry').map((entry) => text(entry, 'title'))).toEqual(['【新发布】2024年工作计划']);

    const byAlert = atomFeedXml(test.db, { alert: 'new-plan' }, { now, selfUrl: 'http://127.0.0.1:8080/feeds/alert/new-plan.atom' }).xml;
    const alertFeed = parseAtom(byAlert);
    expect(text(alertFeed, 'id')).toBe('tag:bureau-watch,2024:feed/alert/new-plan');
    expect(children(alertFeed, 'link')[0]!.getAttribute('rel')).toBe('self');
    expect(children(alertFeed, 'entry').map((entry) => text(entry, 'title'))).toEqual(['【新发布】2024年工作计划', '【新发布】2024年工作要点']);
    expect(atomFeedXml(test.db, { alert: 'new-plan' }, { now, selfUrl: 'http://127.0.0.1:8080/feeds/alert/new-plan.atom' }).xml).toBe(byAlert);

    const both = parseAtom(atomFeedXml(test.db, { sourceId: BUREAU.id, alert: 'new-plan' }, { now }).xml);
    expect(children(both, 'entry')).toHaveLength(1);
    const empty = parseAtom(atomFeedXml(test.db, { alert: 'never-raised' }, { now }).xml);
    expect(children(empty, 'entry')).toHaveLength(0);
    expect(text(empty, 'updated')).toBe(now.toISOString());
  });
});

describe('export --format atom (in process)', () => {
  it('is written by `export --format atom`, with --alert and --limit checked', async () => {
    const test = archiveForMessages();
    const dir = tempDir();
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, `database: ${test.databasePath}\nalerts:\n  - name: new-plan\n    titlePattern: 计划\n`);
    const out = join(dir, 'plans.atom');
    const result = await runCliInProcess(['export', '--format', 'atom', '--alert', 'new-plan', '--limit', '1', '--out', out, '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    const feed = parseAtom(readFileSync(out, 'utf8'));
    expect(children(feed, 'entry').map((entry) => text(entry, 'title'))).toEqual(['【新发布】2024年工作计划']);

    const usage = await Promise.all([
      runCliInProcess(['export', '--format', 'csv', '--alert', 'new-plan', '--config', configPath]),
      runCliInProcess(['export', '--format', 'atom', '--source', 'nope', '--config', configPath]),
      runCliInProcess(['export', '--format', 'atom', '--alert', 'typo', '--config', configPath]),
      runCliInProcess(['export', '--format', 'atom', '--limit', '0', '--config', configPath]),
    ]);
    expect(usage.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(usage[0].stderr).toContain('--alert and --limit apply to --format atom only');
    expect(usage[1].stderr).toContain('no source "nope" in the archive');
    expect(usage[2].stderr).toContain('no alert rule "typo"');
  });
});
