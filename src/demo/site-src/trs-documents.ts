import type { TrsDocument } from './types.js';

/** Column B: the TRS / gov.cn-template "规划计划" column of a city education bureau. */

const PUBLISHER = '潜江市教育局';
const CATEGORY = '科技、教育\\教育';

export const trsDocuments: TrsDocument[] = [
  {
    // A cover notice whose plan is in its attachments (files/: a PDF in the non-embedded CID font
    // STSong-Light and a DOCX, written with tests/attachments/helpers' cidFontPdf and makeDocx).
    cms: 'trs',
    bodyFile: 'b5',
    path: '/xxgk/ghjh/202503/t20250310_4102.html',
    title: '潜江市教育局关于印发《2025年全市教育工作要点》的通知',
    htmlTitle: '潜江市教育局关于印发《2025年全市教育工作要点》的通知_潜江市教育局',
    charset: 'utf-8',
    listDate: '2025-03-10',
    postedAt: '2025-03-10 15:30',
    headMeta: { ArticleTitle: '潜江市教育局关于印发《2025年全市教育工作要点》的通知', PubDate: '2025-03-10 15:30' },
    table: {
      indexNo: '011138015/2025-00027', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2025年03月07日',
      docNo: '潜教发〔2025〕2号', publishedDate: '2025年03月10日', keywords: '教育 工作要点 通知',
    },
    attachments: [
      { href: './P020250310401723516842.pdf', name: '2025年全市教育工作要点.pdf' },
      { href: './P020250310401723589177.docx', name: '2025年教育重点工作任务分解表.docx' },
    ],
    expected: {
      publishedDate: '2025-03-10',
      fields: {
        indexNo: '011138015/2025-00027', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2025-03-07',
        docNo: '潜教发〔2025〕2号', publishedDate: '2025-03-10', keywords: '教育 工作要点 通知',
      },
      absentFields: [],
      phrase: '请结合本地本校实际认真抓好落实',
    },
  },
  {
    cms: 'trs',
    bodyFile: 'b1',
    path: '/xxgk/ghjh/202403/t20240311_4001.html',
    title: '市教育局2024年工作要点',
    htmlTitle: '市教育局2024年工作要点_潜江市教育局',
    charset: 'utf-8',
    listDate: '2024-03-11',
    postedAt: '2024-03-11 16:20',
    headMeta: { ArticleTitle: '市教育局2024年工作要点', PubDate: '2024-03-11 16:20' },
    table: {
      indexNo: '011138015/2024-00031', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2024年03月08日',
      docNo: '潜教发〔2024〕3号', publishedDate: '2024年03月11日', keywords: '教育 工作要点',
    },
    // TRS stores attachments next to the page and links them relatively.
    attachments: [{ href: './P020240311592381746530.pdf', name: '市教育局2024年工作要点.pdf' }],
    expected: {
      publishedDate: '2024-03-11',
      fields: {
        indexNo: '011138015/2024-00031', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2024-03-08',
        title: '市教育局2024年工作要点', docNo: '潜教发〔2024〕3号', publishedDate: '2024-03-11',
        keywords: '教育 工作要点',
      },
      absentFields: [],
      phrase: '推动党的创新理论学习教育融入日常、抓在经常',
    },
  },
  {
    cms: 'trs',
    bodyFile: 'b2',
    path: '/xxgk/ghjh/202402/t20240226_3987.html',
    title: '潜江市教育局关于做好2024年春季学期校园安全工作的通知',
    htmlTitle: '潜江市教育局关于做好2024年春季学期校园安全工作的通知_潜江市教育局',
    charset: 'gbk',
    listDate: '2024-02-26',
    postedAt: '2024-02-26 09:00',
    headMeta: {},
    table: {
      indexNo: '011138015/2024-00019', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2024年02月23日',
      docNo: '潜教办〔2024〕5号', publishedDate: '2024年02月26日', keywords: '校园安全 通知',
    },
    attachments: [],
    expected: {
      publishedDate: '2024-02-26',
      fields: {
        indexNo: '011138015/2024-00019', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2024-02-23',
        docNo: '潜教办〔2024〕5号', publishedDate: '2024-02-26', keywords: '校园安全 通知',
      },
      absentFields: [],
      phrase: '实施全市校园“110一键报警系统”更新换代',
    },
  },
  {
    cms: 'trs',
    bodyFile: 'b3',
    path: '/xxgk/ghjh/202401/t20240115_3952.html',
    title: '潜江市2024年教育督导工作计划',
    htmlTitle: '潜江市2024年教育督导工作计划_潜江市教育局',
    charset: 'utf-8',
    listDate: '2024-01-15',
    postedAt: '2024-01-15 10:36',
    headMeta: { ArticleTitle: '潜江市2024年教育督导工作计划' },
    table: {
      indexNo: '011138015/2024-00006', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2024年01月12日',
      docNo: '潜教督〔2024〕1号', publishedDate: '2024年01月15日', keywords: '',
    },
    attachments: [],
    expected: {
      publishedDate: '2024-01-15',
      fields: {
        indexNo: '011138015/2024-00006', publisher: PUBLISHER, writtenDate: '2024-01-12',
        docNo: '潜教督〔2024〕1号', publishedDate: '2024-01-15',
      },
      absentFields: ['keywords'],
      phrase: '探索开展中小学幼儿园校（园）长任期结束督导评估',
    },
  },
  {
    cms: 'trs',
    bodyFile: 'b4',
    path: '/xxgk/ghjh/202312/t20231220_3901.html',
    title: '潜江市教育局关于推进教育数字化转型的实施意见',
    htmlTitle: '潜江市教育局关于推进教育数字化转型的实施意见_潜江市教育局',
    charset: 'utf-8',
    listDate: '2023-12-20',
    postedAt: '2023-12-20 17:05',
    headMeta: {},
    table: {
      indexNo: '011138015/2023-00187', category: CATEGORY, publisher: PUBLISHER, writtenDate: '2023年12月18日',
      writtenDateCommentedOut: true, docNo: '无', publishedDate: '2023年12月20日', keywords: '教育数字化 意见',
    },
    attachments: [],
    expected: {
      publishedDate: '2023-12-20',
      fields: {
        indexNo: '011138015/2023-00187', category: CATEGORY, publisher: PUBLISHER, publishedDate: '2023-12-20',
        keywords: '教育数字化 意见',
      },
      absentFields: ['docNo', 'writtenDate'],
      phrase: '统筹解决中小学师生数字化终端配置',
    },
  },
];
