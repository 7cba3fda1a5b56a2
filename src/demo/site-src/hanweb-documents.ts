import type { HanwebDocument, MetaEntry } from './types.js';

/** Column A: the Hanweb (大汉) "规划计划" column of a district education bureau, Wuxi style. */

const PUBLISHER = '无锡市滨湖区教育局';

/** The short disclosure block most Hanweb detail pages carry. */
function shortMeta(values: {
  indexNo: string;
  generated: string;
  published: string;
  docNo: string;
  validity: string;
  keywords: string;
  genre?: string;
}): MetaEntry[] {
  const entries: MetaEntry[] = [
    { label: '信息索引号', value: values.indexNo },
    { label: '生成日期', value: values.generated },
    { label: '公开日期', value: values.published },
    { label: '文件编号', value: values.docNo },
    { label: '发布机构', value: PUBLISHER },
    { label: '公开方式', value: '主动公开' },
    { label: '效力状况', value: values.validity },
    { label: '关键词', value: values.keywords },
    { label: '主题(一级)', value: '科技、教育' },
    { label: '主题(二级)', value: '教育' },
  ];
  if (values.genre) entries.push({ label: '体裁', value: values.genre });
  return entries;
}

const planSummary =
  '以习近平新时代中国特色社会主义思想为指导，积极贯彻落实《江苏教育现代化2035》《加快推进江苏教育现代化实施方案（2019—2022年》，坚持立德树人根本导向，聚焦“美好教育”目标定位';

export const hanwebDocuments: HanwebDocument[] = [
  {
    cms: 'hanweb',
    bodyFile: 'a1',
    path: '/art/2021/2/18/art_1001_3001.html',
    title: '2021年无锡市滨湖区教育局工作要点',
    htmlTitle: '2021年无锡市滨湖区教育局工作要点',
    charset: 'utf-8',
    listDate: '2021-02-18',
    postedAt: '2021-02-18 14:06',
    headMeta: { ArticleTitle: '2021年无锡市滨湖区教育局工作要点', PubDate: '2021-02-18 14:06' },
    metaLayout: 'li-span',
    meta: [
      { label: '信息索引号', value: '014028901/2021-00544' },
      { label: '生成日期', value: '2021-02-18' },
      { label: '公开日期', value: '2021-02-18' },
      { label: '文件编号', value: '—  —' },
      { label: '公开时限', value: '长期公开' },
      { label: '发布机构', value: PUBLISHER },
      { label: '公开形式', value: '网站、文件、政府公报' },
      { label: '公开方式', value: '主动公开' },
      { label: '公开范围', value: '面向社会' },
      { label: '有效期', value: '长期' },
      { label: '公开程序', value: '部门编制，经办公室审核后公开' },
      { label: '体裁', value: '意见' },
      { label: '主题(一级)', value: '科技、教育' },
      { label: '主题(二级)', value: '教育' },
      { label: '关键词', value: '学校,教师,意见' },
      { label: '效力状况', value: '有效' },
      { label: '内容概述', value: planSummary },
    ],
    views: 1286,
    attachments: [
      { href: '/module/download/downfile.jsp?classid=0&filename=2102181406428739.pdf', name: '2021年无锡市滨湖区教育局工作要点.pdf' },
      { href: '/picture/0/2102181406431122.docx', name: '滨湖区2021年教育重点工作任务分解表.docx' },
    ],
    expected: {
      publishedDate: '2021-02-18',
      fields: {
        indexNo: '014028901/2021-00544', generatedDate: '2021-02-18', publishedDate: '2021-02-18',
        publisher: PUBLISHER, disclosureMethod: '主动公开', disclosureTerm: '长期公开', validUntil: '长期',
        validity: '有效', keywords: '学校,教师,意见', genre: '意见',
      },
      absentFields: ['docNo'],
      phrase: '百姓家门口好学校',
    },
  },
  {
    cms: 'hanweb',
    bodyFile: 'a2',
    path: '/art/2021/3/5/art_1001_3002.html',
    title: '滨湖区教育局关于加强新时代中小学师德师风建设的通知',
    htmlTitle: '滨湖区教育局关于加强新时代中小学师德师风建设的通知 - 无锡市滨湖区人民政府',
    charset: 'utf-8',
    listDate: '2021-03-05',
    postedAt: '2021-03-05 09:30',
    headMeta: {},
    metaLayout: 'div-span',
    meta: shortMeta({
      indexNo: '014028901/2021-00731', generated: '2021-03-04', published: '2021-03-05',
      docNo: '锡滨教〔2021〕9号', validity: '有效', keywords: '师德,师风,通知',
    }),
    views: 642,
    attachments: [],
    expected: {
      publishedDate: '2021-03-05',
      fields: {
        indexNo: '014028901/2021-00731', generatedDate: '2021-03-04', publishedDate: '2021-03-05',
        docNo: '锡滨教〔2021〕9号', publisher: PUBLISHER, validity: '有效', keywords: '师德,师风,通知',
      },
      absentFields: [],
      phrase: '讲好“新时代滨湖教师故事”',
    },
  },
  {
    cms: 'hanweb',
    bodyFile: 'a3',
    path: '/art/2021/4/12/art_1001_3003.html',
    title: '滨湖区2021年学前教育和义务教育优质均衡发展工作计划',
    htmlTitle: '规划计划',
    charset: 'gbk',
    listDate: '2021-04-12',
    postedAt: '2021-04-12 10:15',
    headMeta: {},
    metaLayout: 'table-th',
    meta: shortMeta({
      indexNo: '014028901/2021-01120', generated: '2021年04月12日', published: '2021年04月12日',
      docNo: '无', validity: '有效', keywords: '学前教育,义务教育,计划', genre: '计划',
    }),
    views: 518,
    attachments: [],
    expected: {
      publishedDate: '2021-04-12',
      fields: {
        indexNo: '014028901/2021-01120', generatedDate: '2021-04-12', publishedDate: '2021-04-12',
        publisher: PUBLISHER, validity: '有效', keywords: '学前教育,义务教育,计划', genre: '计划',
      },
      absentFields: ['docNo'],
      phrase: '打造辐射区域内外的滨湖幼教新品牌',
    },
  },
  {
    cms: 'hanweb',
    bodyFile: 'a4',
    path: '/art/2021/5/20/art_1001_3004.html',
    title: '滨湖区教育局关于加强综合管控和惠民服务工作的通知',
    htmlTitle: '滨湖区教育局关于加强综合管控和惠民服务工作的通知_滨湖区教育局',
    charset: 'utf-8',
    listDate: '2021-05-20',
    postedAt: '2021-05-20 16:42',
    headMeta: { PubDate: '2021-05-20 16:42' },
    metaLayout: 'li-span',
    meta: shortMeta({
      // The CMS wraps some values in its template markers.
      indexNo: '<!--<$[SYH]>-->014028901/2021-01568<!--<$[SYH]>-->', generated: '2021-05-20',
      published: '2021-05-20', docNo: '锡滨教发〔2021〕27号', validity: '有效', keywords: '综合管控,惠民服务,通知',
    }),
    views: 397,
    attachments: [],
    expected: {
      publishedDate: '2021-05-20',
      fields: {
        indexNo: '014028901/2021-01568', generatedDate: '2021-05-20', publishedDate: '2021-05-20',
        docNo: '锡滨教发〔2021〕27号', publisher: PUBLISHER, validity: '有效', keywords: '综合管控,惠民服务,通知',
      },
      absentFields: [],
      phrase: '全力构建“平安校园”',
    },
  },
  {
    cms: 'hanweb',
    bodyFile: 'a5',
    path: '/art/2020/12/30/art_1001_2968.html',
    title: '滨湖区教育局关于深化五育融合提升教育质量的实施意见',
    htmlTitle: '滨湖区教育局关于深化五育融合提升教育质量的实施意见',
    charset: 'utf-8',
    listDate: '2020-12-30',
    postedAt: '2020-12-30 11:08',
    headMeta: {},
    metaLayout: 'li-font',
    meta: shortMeta({
      indexNo: '014028901/2020-02894', generated: '2020-12-29', published: '2020-12-30',
      docNo: '锡滨教〔2020〕56号', validity: '有效', keywords: '德育,课程,意见', genre: '意见',
    }),
    views: 875,
    attachments: [],
    expected: {
      publishedDate: '2020-12-30',
      fields: {
        indexNo: '014028901/2020-02894', generatedDate: '2020-12-29', publishedDate: '2020-12-30',
        docNo: '锡滨教〔2020〕56号', publisher: PUBLISHER, validity: '有效', keywords: '德育,课程,意见', genre: '意见',
      },
      absentFields: [],
      phrase: '探索构建“美好德育”新品牌',
    },
  },
  {
    cms: 'hanweb',
    bodyFile: 'a6',
    path: '/art/2020/11/16/art_1001_2950.html',
    title: '滨湖区教育局关于深化集团化办学和优化教育资源供给的意见',
    htmlTitle: '滨湖区教育局关于深化集团化办学和优化教育资源供给的意见 - 滨湖区人民政府',
    charset: 'utf-8',
    listDate: '2020-11-16',
    postedAt: '2020-11-16 15:20',
    headMeta: {},
    metaLayout: 'div-span',
    meta: shortMeta({
      indexNo: '014028901/2020-02511', generated: '2020/11/16', published: '2020/11/16',
      docNo: '—  —', validity: '失效', keywords: '集团化办学,资源供给,意见',
    }),
    views: 1033,
    attachments: [],
    expected: {
      publishedDate: '2020-11-16',
      fields: {
        indexNo: '014028901/2020-02511', generatedDate: '2020-11-16', publishedDate: '2020-11-16',
        publisher: PUBLISHER, validity: '失效', keywords: '集团化办学,资源供给,意见',
      },
      absentFields: ['docNo'],
      phrase: '成熟一所独立一所',
    },
  },
];
