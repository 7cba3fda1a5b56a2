/**
 * Deterministic filler text in the register of a bureau's work plan, written for the benchmark
 * (nothing here comes from real pages). A seeded generator keeps every run's site byte-identical,
 * so an unchanged re-crawl really is unchanged.
 */

/** mulberry32: small, fast, good enough for filler. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  '全区教育系统',
  '各中小学校',
  '区教育局',
  '各街道办事处',
  '局属各单位',
  '各学区',
  '全体教职工',
  '市场监管部门',
  '卫生健康委员会',
  '各镇人民政府',
  '区人力资源和社会保障局',
  '区财政局',
  '各幼儿园',
  '相关职能部门',
];
const VERBS = [
  '深入贯彻落实',
  '全面推进',
  '持续深化',
  '扎实做好',
  '着力加强',
  '积极稳妥推进',
  '认真组织实施',
  '不断完善',
  '切实抓好',
  '统筹推进',
  '进一步规范',
  '稳步实施',
];
const OBJECTS = [
  '义务教育优质均衡发展',
  '校园安全隐患排查整治',
  '教师队伍建设',
  '“双减”政策落地见效',
  '学前教育普惠发展',
  '教育信息化建设',
  '政府信息公开工作',
  '营商环境优化提升',
  '基层党组织标准化建设',
  '食品安全监督检查',
  '安全生产专项整治三年行动',
  '城乡居民基本医疗保险工作',
  '民生实事项目',
  '重点项目建设',
  '意识形态工作责任制',
  '课后服务质量',
  '招生入学工作',
  '学生体质健康监测',
  '数字政府建设',
  '行政执法规范化',
];
const TAILS = [
  '，确保各项任务落到实处',
  '，切实提升群众的获得感和满意度',
  '，形成可复制可推广的经验做法',
  '，按时保质完成年度目标任务',
  '，建立健全长效工作机制',
  '，为高质量发展提供坚实保障',
  '，定期通报工作进展情况',
  '，主动接受社会监督',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const PLACES = [
  '蠡园街道',
  '河埒街道',
  '荣巷街道',
  '马山街道',
  '胡埭镇',
  '雪浪街道',
  '华庄街道',
  '太湖街道',
  '滨湖中学',
  '实验小学',
  '育红小学',
  '蠡园中学',
  '梅梁中学',
  '东绛实验学校',
  '华庄中心幼儿园',
  '太湖新城',
  '经济开发区',
  '山水城',
];
const UNITS = ['所学校', '个项目', '名教师', '户家庭', '家企业', '个社区', '项任务', '场培训', '次检查', '个班级'];

/** Facts with figures and places, as real plans are full of: they keep unrelated documents from sharing long runs of text. */
function fact(random: () => number): string {
  const amount = 2 + Math.floor(random() * 9000);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `，${pick(random, PLACES)}等${amount}${pick(random, UNITS)}纳入范围`;
    case 1:
      return `，截至${1 + Math.floor(random() * 12)}月底已完成${amount}${pick(random, UNITS)}`;
    case 2:
      return `，投入资金${amount}.${Math.floor(random() * 10)}万元`;
    default:
      return `，覆盖${pick(random, PLACES)}和${pick(random, PLACES)}共${amount}${pick(random, UNITS)}`;
  }
}

export function sentence(random: () => number): string {
  const detail = random() < 0.7 ? fact(random) : '';
  return `${pick(random, SUBJECTS)}要${pick(random, VERBS)}${pick(random, OBJECTS)}${detail}${pick(random, TAILS)}。`;
}

/** A paragraph of 3–7 sentences, sometimes numbered like a plan's items. */
export function paragraph(random: () => number, index: number): string {
  const count = 3 + Math.floor(random() * 5);
  const sentences = Array.from({ length: count }, () => sentence(random)).join('');
  return random() < 0.3 ? `${index + 1}.${pick(random, OBJECTS)}。${sentences}` : sentences;
}

/** A document title like the ones in a disclosure column. */
export function title(random: () => number, year: number, serial: number): string {
  const kinds = ['工作要点', '工作计划', '实施方案', '工作总结', '通知', '管理办法', '情况的报告', '专项行动方案'];
  return `${year}年${pick(random, SUBJECTS)}关于${pick(random, OBJECTS)}的${pick(random, kinds)}（第${serial}号）`;
}
