import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../src/archive/event-draft.js';
import { compileAlertRules } from '../../src/events/alerts.js';
import { listEvents } from '../../src/events/outbox.js';
import { openTestArchive, snapshot } from '../helpers/archive.js';

const draft = (overrides: Partial<EventDraft>): EventDraft => ({
  type: 'document.created',
  at: '2024-03-08T00:00:00Z',
  source: 'binhu-edu',
  documentId: 'd1',
  url: 'http://x/1',
  title: '2024年无锡市滨湖区教育局工作要点',
  version: 1,
  fields: { validity: '有效' },
  ...overrides,
});

describe('alert rules', () => {
  const match = compileAlertRules([
    { name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划|规划' },
    { name: 'binhu-only', on: ['document.created', 'document.updated'], sources: ['binhu-edu'] },
    { name: 'repealed', on: ['document.updated', 'document.removed'], fields: { validity: '失效|废止' } },
  ]);

  it('matches on event type, title pattern, source and field values, all conditions together', () => {
    expect(match(draft({}))).toEqual(['new-plan', 'binhu-only']);
    expect(match(draft({ title: '关于举办读书月活动的通知' }))).toEqual(['binhu-only']);
    expect(match(draft({ source: 'qianjiang-edu' }))).toEqual(['new-plan']);
    expect(match(draft({ type: 'document.updated', fields: { validity: '已废止' } }))).toEqual(['binhu-only', 'repealed']);
    expect(match(draft({ type: 'document.removed', source: 'other', fields: {} }))).toEqual([]);
  });

  it("fill each recorded event's alerts, including updates whose fields now match", () => {
    const test = openTestArchive({ alerts: [{ name: 'repealed', on: ['document.updated'], fields: { validity: '失效|废止' } }] });
    test.record(snapshot('http://x.example/1.html', { text: '原文件正文。', title: '管理办法', fields: { validity: '有效' } }));
    test.record(snapshot('http://x.example/1.html', { text: '原文件正文。本办法自即日起废止。', title: '管理办法', fields: { validity: '失效' } }));
    expect(listEvents(test.db).map((event) => [event.type, event.alerts])).toEqual([
      ['document.created', []],
      ['document.updated', ['repealed']],
    ]);
  });
});
