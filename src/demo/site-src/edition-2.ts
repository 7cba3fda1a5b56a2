import type { TrsDocument } from './types.js';

/**
 * The replica site a while later, for the demo's later passes (and only for them: the first pass
 * and the crawler tests see the site as published in src/demo/site/). The TRS column changed in
 * the three ways an archive must notice:
 * - a document was edited: its body gained a section (a new version, `document.updated`);
 * - a new plan was published (`document.created`, and the demo's `new-plan` alert);
 * - a document was withdrawn: its page answers 404 and leaves the list (`document.removed` once it
 *   answered 404 on two consecutive runs).
 */

/** Path of the document edited in the second edition. */
export const EDITED_PATH = '/xxgk/ghjh/202401/t20240115_3952.html';

/** Path of the document withdrawn in the second edition. */
export const REMOVED_PATH = '/xxgk/ghjh/202312/t20231220_3901.html';

/** The section the edited document gained. */
export const ADDED_SECTION = `## 四、强化督导结果运用
建立督导问题整改台账，实行督导报告、通报、约谈和问责制度，将督导结果作为学校考核评价、校长任免和奖惩的重要依据，确保问题整改到位。`;

export function editedBody(body: string): string {
  const signature = body.indexOf('\n> ');
  return signature < 0 ? `${body}\n${ADDED_SECTION}` : `${body.slice(0, signature)}\n${ADDED_SECTION}${body.slice(signature)}`;
}

const PUBLISHER = '潜江市教育局';
const CATEGORY = '科技、教育\\教育';

export const NEW_PLAN: TrsDocument = {
  cms: 'trs',
  bodyFile: 'b6',
  path: '/xxgk/ghjh/202404/t20240408_4032.html',
  title: '潜江市2024年暑期中小学生安全教育工作计划',
  htmlTitle: '潜江市2024年暑期中小学生安全教育工作计划_潜江市教育局',
  charset: 'utf-8',
  listDate: '2024-04-08',
  postedAt: '2024-04-08 11:15',
  headMeta: { ArticleTitle: '潜江市2024年暑期中小学生安全教育工作计划', PubDate: '2024-04-08 11:15' },
  table: {
    indexNo: '011138015/2024-00042',
    category: CATEGORY,
    publisher: PUBLISHER,
    writtenDate: '2024年04月03日',
    docNo: '潜教办〔2024〕9号',
    publishedDate: '2024年04月08日',
    keywords: '暑期 安全教育 工作计划',
  },
  attachments: [],
  expected: {
    publishedDate: '2024-04-08',
    fields: {
      indexNo: '011138015/2024-00042',
      category: CATEGORY,
      publisher: PUBLISHER,
      writtenDate: '2024-04-03',
      title: '潜江市2024年暑期中小学生安全教育工作计划',
      docNo: '潜教办〔2024〕9号',
      publishedDate: '2024-04-08',
      keywords: '暑期 安全教育 工作计划',
    },
    absentFields: [],
    phrase: '确保暑期学生安全事故零发生',
  },
};
