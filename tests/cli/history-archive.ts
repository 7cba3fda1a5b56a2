/** An archive with a document in two versions (text, title and a field changed) and one in one version, for the events, history, diff and deliver tests. */
import { getDocumentByUrl } from '../../src/store/documents.js';
import { openTestArchive, snapshot } from '../helpers/archive.js';

export const URL_A = 'http://bureau.example/art/2024/3/1/art_1_1.html';
export const URL_B = 'http://bureau.example/art/2024/3/2/art_1_2.html';
const V1 = '一、总体要求\n坚持立德树人根本任务。\n二、主要任务\n推进教育现代化。\n三、保障措施\n加强组织领导。';
const V2 = '一、总体要求\n坚持立德树人根本任务。\n二、主要任务\n推进教育现代化建设。\n三、保障措施\n加强组织领导。\n四、附则';

/** The archive and its config (more config lines in `extraConfig`); `docA` is URL_A's id. */
export function archiveWithHistory(extraConfig: string[] = []): { config: string; db: ReturnType<typeof openTestArchive>['db']; docA: string } {
  const test = openTestArchive({ alerts: [{ name: 'new-plan', on: ['document.created'], titlePattern: '工作要点' }], extraConfig });
  test.record(snapshot(URL_A, { text: V1, title: '2024年工作要点', fields: { validity: '有效' } }));
  test.record(snapshot(URL_B, { text: '关于举办读书月活动的通知正文。', title: '读书月通知' }));
  test.record(snapshot(URL_A, { text: V2, title: '2024年工作要点（修订）', fields: { validity: '失效' } }));
  return { config: test.configPath, db: test.db, docA: getDocumentByUrl(test.db, URL_A)!.id };
}
