import { listEvents, type StoredEvent } from '../../src/store/outbox.js';
import { openTestArchive, snapshot, type TestArchive } from '../changes/archive-helpers.js';

export const BUREAU = { id: 'binhu-edu', name: '无锡市滨湖区教育局' };
export const OTHER_BUREAU = { id: 'other-bureau', name: '' };

/**
 * An archive with two sources and three document.created events, in this order:
 * a plan of BUREAU (alert new-plan, published 2024-03-01), a notice of BUREAU (no alert, no date),
 * a plan of OTHER_BUREAU (alert new-plan, a source without a name).
 */
export function archiveForMessages(titles: string[] = ['2024年工作要点', '关于放假的通知', '2024年工作计划']): TestArchive & { events: StoredEvent[] } {
  const test = openTestArchive([{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划|计划' }]);
  for (const source of [BUREAU, OTHER_BUREAU]) test.archive.upsertSource({ ...source, startUrls: ['http://127.0.0.1/'] });
  test.record(snapshot('http://bureau.example/art/2024/3/1_a.html', '第一篇正文。', { title: titles[0], publishedDate: '2024-03-01', sourceId: BUREAU.id }));
  test.record(snapshot('http://bureau.example/art/2024/3/2_b.html', '第二篇正文。', { title: titles[1], sourceId: BUREAU.id }));
  test.record(snapshot('http://other.example/c(3).html', '第三篇正文。', { title: titles[2], publishedDate: '2024-03-05', sourceId: OTHER_BUREAU.id }));
  return { ...test, events: listEvents(test.db) };
}
