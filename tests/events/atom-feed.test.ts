import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomFeedXml } from '../../src/export/atom.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUREAU, OTHER_BUREAU, archiveForMessages } from './message-archive.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOSTILE = '</title><script>alert(1)</script> & ]]> <![CDATA[x]]> \u0001\u0008 "q" \'a\'';

/** Parses strictly (any well-formedness error throws) and checks what RFC 4287 requires. */
function parseAtom(xml: string): Element {
  const document = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(xml, 'application/xml');
  const feed = document.documentElement!;
  expect(feed.namespaceURI).toBe(ATOM);
  expect(feed.localName).toBe('feed');
  for (const name of ['id', 'title', 'updated']) expect(children(feed, name), `feed/${name}`).toHaveLength(1);
  expect(text(feed, 'updated')).toMatch(RFC3339);
  expect(children(feed, 'author').length).toBe(1);
  for (const entry of children(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated', 'summary']) expect(children(entry, name), `entry/${name}`).toHaveLength(1);
    expect(text(entry, 'updated')).toMatch(RFC3339);
    expect(children(entry, 'link').filter((link) => link.getAttribute('rel') === 'alternate')).toHaveLength(1);
  }
  return feed;
}

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ATOM && (node as Element).localName === name);
}

function text(parent: Element, name: string): string {
  return children(parent, name)[0]!.textContent ?? '';
}

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

  it('is written by `export --format atom`, with --alert and --limit checked', async () => {
    const test = archiveForMessages();
    const dir = tempDir();
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, `database: ${test.path}\nalerts:\n  - name: new-plan\n    titlePattern: 计划\n`);
    const out = join(dir, 'plans.atom');
    const result = await runCli(['export', '--format', 'atom', '--alert', 'new-plan', '--limit', '1', '--out', out, '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    const feed = parseAtom(readFileSync(out, 'utf8'));
    expect(children(feed, 'entry').map((entry) => text(entry, 'title'))).toEqual(['【新发布】2024年工作计划']);

    const usage = await Promise.all([
      runCli(['export', '--format', 'csv', '--alert', 'new-plan', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--source', 'nope', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--alert', 'typo', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--limit', '0', '--config', configPath]),
    ]);
    expect(usage.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(usage[0]!.stderr).toContain('--alert and --limit apply to --format atom only');
    expect(usage[1]!.stderr).toContain('no source "nope" in the archive');
    expect(usage[2]!.stderr).toContain('no alert rule "typo"');
  });
});
