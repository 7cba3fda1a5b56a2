/**
 * The stats tests' archive (in process and through the CLI): source alpha crawled twice, its site
 * redesigned between the runs so that its new pages lose the metadata table; beta crawled once; one
 * of alpha's old pages removed.
 */
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

const FULL = { fields: { indexNo: '014028901/2021-00544', publisher: '某某区教育局', publishedDate: '2021-02-18' }, publishedDate: '2021-02-18' };

/** The archive, and the id of the run after the redesign. */
export function openRedesignArchive(): { store: TestArchive; redesignRun: number } {
  const store = openTestArchive();
  // Run 1: the old site layout, metadata table found on every page.
  const before = store.run(['alpha', 'beta']);
  for (let i = 0; i < 12; i++) store.record(snapshot(`http://127.0.0.1/alpha/old-${i}.html`, { ...FULL, title: `旧版页面${i}`, text: `正文${i}` }), before);
  for (let i = 0; i < 3; i++)
    store.record(snapshot(`http://127.0.0.1/beta/${i}.html`, { ...FULL, source: 'beta', title: `乙${i}`, text: `乙正文${i}` }), before);
  store.finish(before, { alpha: 1, beta: 4 });
  // Run 2: alpha was redesigned; its new pages lose the metadata table (the date still comes from <meta>).
  const redesignRun = store.run(['alpha']);
  for (let i = 0; i < 6; i++) {
    store.record(snapshot(`http://127.0.0.1/alpha/new-${i}.html`, { title: `新版页面${i}`, text: `正文新${i}`, publishedDate: '2024-05-01' }), redesignRun);
  }
  store.finish(redesignRun, { alpha: 2 });
  store.missing('http://127.0.0.1/alpha/old-0.html');
  store.missing('http://127.0.0.1/alpha/old-0.html');
  return { store, redesignRun };
}
