/**
 * The search tests' archive (in process and through the CLI): documents in two sources with short
 * Chinese words, operator-laden text, a removed document and one updated to a new text.
 */
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

export const URL_A = 'http://127.0.0.1/alpha/shuangjian.html';
export const URL_B = 'http://127.0.0.1/alpha/zhaosheng.html';
export const URL_C = 'http://127.0.0.1/beta/dudao.html';
export const URL_D = 'http://127.0.0.1/beta/operators.html';
export const URL_REMOVED = 'http://127.0.0.1/alpha/old-zhaosheng.html';
export const URL_UPDATED = 'http://127.0.0.1/beta/updated.html';

/** The archive, and each document's id by URL. */
export function openSearchArchive(): { store: TestArchive; ids: Record<string, string> } {
  const store = openTestArchive();
  store.record(
    snapshot(URL_A, {
      title: '关于落实双减政策的通知',
      text: '全区中小学落实减负要求，减轻学生作业负担，办好人民满意的教育。',
      publishedDate: '2021-09-01',
      fields: { publisher: '某某区教育局', validity: '有效' },
    }),
  );
  store.record(
    snapshot(URL_B, {
      title: '2024年秋季招生工作方案',
      text: '做好义务教育招生入学工作。',
      publishedDate: '2024-06-01',
      fields: { publisher: '某某区教育局' },
    }),
  );
  store.record(
    snapshot(URL_C, {
      source: 'beta',
      title: '教育督导工作要点',
      text: '开展督导评估。双减督导是今年的重点。',
      publishedDate: '2023-03-01',
      fields: { publisher: '另一区教育局' },
    }),
  );
  store.record(
    snapshot(URL_D, {
      source: 'beta',
      title: 'Hello NEAR(world) "quoted" title',
      text: 'literal a*b OR c, 100% done_now; path\\to -x ^y {col}: end',
    }),
  );
  store.record(snapshot(URL_REMOVED, { title: '2019年招生简章', text: '往年的招生信息。' }));
  store.missing(URL_REMOVED);
  store.missing(URL_REMOVED);
  store.record(
    snapshot(URL_UPDATED, { source: 'beta', title: '通知', text: '旧版本含有独特词语甲乙丙。', publishedDate: '2020-01-01', fields: { validity: '有效' } }),
  );
  store.record(
    snapshot(URL_UPDATED, { source: 'beta', title: '通知', text: '新版本的文字完全不同。', publishedDate: '2024-05-01', fields: { validity: '失效' } }),
  );
  const ids = Object.fromEntries((store.db.prepare('SELECT url, id FROM documents').all() as { url: string; id: string }[]).map((row) => [row.url, row.id]));
  return { store, ids };
}
