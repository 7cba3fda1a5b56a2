import type { CanonicalKey } from './types.js';
import { stripSpaces } from './text.js';

/**
 * Label synonyms per canonical key (docs/fields.md), most specific first: when two
 * labels on a page map to one key, the one listed earlier wins (发文字号 over 文号).
 * Labels are listed in their lookup form (see labelKey). docs/extraction.md lists them all.
 */
export const LABEL_SYNONYMS: Readonly<Record<CanonicalKey, readonly string[]>> = {
  indexNo: ['索引号', '信息索引号', '文件索引号', '索取号'],
  category: ['主题分类', '信息分类', '分类', '主题(一级)', '主题(二级)', '所属主题', '组配分类', '信息类别'],
  publisher: [
    '发布机构',
    '发文机关',
    '发布单位',
    '发文单位',
    '制发机关',
    '发布机关',
    '公开责任部门',
    '责任部门',
    '发布部门',
    '责任单位',
    '来源单位',
    '公开主体',
    '信息来源',
  ],
  docNo: ['文件编号', '发文字号', '文号'],
  writtenDate: ['成文日期', '发文日期', '制发日期', '印发日期', '成文时间', '发文时间'],
  generatedDate: ['生成日期'],
  publishedDate: ['公开日期', '发布日期', '发布时间', '公布日期', '公开时间', '日期'],
  validity: ['效力状况', '有效性', '时效性', '是否有效', '效力状态'],
  keywords: ['关键词', '主题词', '关键字'],
  summary: ['内容概述', '摘要', '内容摘要'],
  title: ['标题', '名称', '文件名称', '信息名称', '文件标题'],
  disclosureMethod: ['公开方式'],
  disclosureScope: ['公开范围'],
  disclosureTerm: ['公开时限'],
  disclosureForm: ['公开形式'],
  validUntil: ['有效期'],
  genre: ['体裁'],
  procedure: ['公开程序'],
};

/**
 * Labels that are not canonical but sit in the same header lines and tables (来源, 浏览次数 …).
 * They end the previous label's value in `发布时间：… 来源：…` and are kept in `labels`.
 */
const NEIGHBOUR_LABELS = [
  '来源',
  '文章来源',
  '作者',
  '浏览次数',
  '阅读次数',
  '点击数',
  '点击量',
  '访问量',
  '浏览量',
  '字号',
  '阅读',
  '浏览',
  '点击',
  '访问次数',
  '阅读量',
  '责任编辑',
  '编辑',
  '发布人',
  '录入',
  '审核',
  '时间',
  '所属机构',
  '公开属性',
  '文件下载',
  '附件',
  '信息类型',
  '主题',
  '服务对象',
  '发布状态',
  '废止日期',
  '实施日期',
  '施行日期',
  '签发人',
];

export interface LabelInfo {
  key: CanonicalKey;
  /** Position in the key's synonym list: lower is more specific. */
  rank: number;
}

const CANONICAL = new Map<string, LabelInfo>();
for (const [key, labels] of Object.entries(LABEL_SYNONYMS) as [CanonicalKey, readonly string[]][]) {
  labels.forEach((label, rank) => {
    if (!CANONICAL.has(label)) CANONICAL.set(label, { key, rank });
  });
}

const ALL_LABELS = [...new Set([...CANONICAL.keys(), ...NEIGHBOUR_LABELS])];

/**
 * Traditional forms of the characters labels use, so a Traditional rendering (發佈機構, 索引號) is
 * matched too. Pairs: traditional, simplified.
 */
const TRADITIONAL_PAIRS =
  '號号編编題题類类級级屬属組组別别發发佈布機机構构關关單单開开責责門门來来時时間间況况態态鍵键詞词' +
  '標标稱称圍围範范體体狀状錄录覽览數数擊击訪访問问閱阅讀读輯辑審审簽签廢废實实務务載载報报總总製制資资訊讯題题';
const TO_SIMPLIFIED = new Map<string, string>();
const TO_TRADITIONAL = new Map<string, string[]>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  const traditional = TRADITIONAL_PAIRS[i] as string;
  const simplified = TRADITIONAL_PAIRS[i + 1] as string;
  TO_SIMPLIFIED.set(traditional, simplified);
  TO_TRADITIONAL.set(simplified, [...(TO_TRADITIONAL.get(simplified) ?? []), traditional]);
}

/** First characters of every label form: most text nodes are ruled out by one set lookup. */
const FIRST_CHARS = new Set<string>();
for (const label of ALL_LABELS) {
  const first = label[0] as string;
  FIRST_CHARS.add(first);
  for (const traditional of TO_TRADITIONAL.get(first) ?? []) FIRST_CHARS.add(traditional);
}
FIRST_CHARS.add('【').add('[').add('资').add('資');

/** Cheap pre-check for a text that is nothing but a label: its first visible character starts one. */
export function mayBeLabel(text: string): boolean {
  const first = /[^\s\u00a0\u3000]/.exec(text);
  return first !== null && FIRST_CHARS.has(first[0]);
}

/** The simplified form labels are looked up by (資訊 is the Traditional word for 信息). */
function simplify(label: string): string {
  let out = '';
  for (const c of label) out += TO_SIMPLIFIED.get(c) ?? c;
  return out.replace(/资讯/g, '信息');
}

const FULLWIDTH_PARENS: Record<string, string> = { '（': '(', '）': ')' };

/** A label as stored in `labels`: as written, without whitespace of any kind and without colons. */
export function normalizeLabel(raw: string): string {
  return stripSpaces(raw).replace(/[:：]/g, '');
}

/** The form labels are looked up by: ASCII parentheses, no wrapping brackets, simplified characters. */
export function labelKey(normalized: string): string {
  return simplify(normalized.replace(/[（）]/g, (c) => FULLWIDTH_PARENS[c] ?? c).replace(/^[【\[]+|[】\]]+$/g, ''));
}

export function canonicalLabel(normalized: string): LabelInfo | undefined {
  return CANONICAL.get(labelKey(normalized));
}

/** Labels that name a field only inside a disclosure table: a news page's 信息来源 is not its publisher. */
const TABLE_ONLY = new Set(['信息来源']);
/**
 * Labels that name a field only in a line of text (`日期：2018-4-18` under the heading is the
 * publication date); a table's or a name box's 日期 is any date (a schedule, a list of documents).
 */
const LINE_ONLY = new Set(['日期']);

/** The field a label fills when read by `rule`, if any. */
export function fieldLabel(normalized: string, rule: string): LabelInfo | undefined {
  const simplified = labelKey(normalized);
  if (TABLE_ONLY.has(simplified) && !rule.startsWith('table:') && !rule.startsWith('dl:')) return undefined;
  if (LINE_ONLY.has(simplified) && !rule.endsWith(':label-colon')) return undefined;
  return CANONICAL.get(simplified);
}

export function isKnownLabel(normalized: string): boolean {
  const simplified = labelKey(normalized);
  return CANONICAL.has(simplified) || NEIGHBOUR_LABELS.includes(simplified);
}

/** A label the way it is written in running text: any whitespace between its characters, either script. */
function spacedPattern(label: string): string {
  const chars = [...label].map((c) => {
    if (c === '(' || c === ')') return '[(（)）]';
    const traditional = TO_TRADITIONAL.get(c);
    return traditional ? `[${c}${traditional.join('')}]` : c;
  });
  return chars.join('[\\s\\u00a0\\u3000]*');
}

/**
 * Known labels followed by a colon inside running text (`发布时间：2021-02-18 来源：…`), or closed by a
 * bracket (`【文号】 晋医保发〔2021〕14号`). Longest first so 信息索引号 is not read as 索引号; not
 * preceded by a CJK character, so 附件名称 does not read as 名称.
 */
export const INLINE_LABEL = new RegExp(
  `(?<![\\u4e00-\\u9fff])(${[...ALL_LABELS]
    .sort((a, b) => b.length - a.length)
    .map(spacedPattern)
    .join('|')})[\\s\\u00a0\\u3000]*(?:[:：]|(?<=【[^【】]{1,20})】)`,
  'g',
);

/**
 * A label the lists do not know, in a line that holds known ones (`审批部门：…`, `信息类型：…`): kept
 * in `labels`, so every pair the page shows is recorded. Only the shape of a label: a short CJK
 * run ending like a label (…部门, …单位, …日期, …编号, …类别 …), standing apart, then a colon.
 */
export const GENERIC_LABEL = new RegExp(
  '(?<=^|[\\s\\u00a0\\u3000|｜【\\[】\\]])([\\u4e00-\\u9fff]{1,6}(?:部门|单位|机关|机构|日期|时间|编号|文号|字号|来源|类别|分类|名称|状态|方式|范围|时限|期限|类型|级别|领域|对象|属性|形式|状况|地点|人))[\\s\\u00a0\\u3000]*[:：]',
  'g',
);

/**
 * Labels of a byline (`来源：… 作者：… 浏览次数：…`): a line of them is page metadata, not body
 * text, even with no canonical label in it. 时间/日期 alone are not among them (a meeting's 时间：),
 * nor the editor's credit that closes an article (`【责任编辑：…】`, kept with the text).
 */
const BYLINE_LABELS = new Set([
  '来源',
  '文章来源',
  '作者',
  '浏览次数',
  '阅读次数',
  '点击数',
  '点击量',
  '访问量',
  '浏览量',
  '阅读量',
  '访问次数',
  '发布人',
  '录入',
  '字号',
]);

/** Labels of the font-size widget (`字号：[大] [中] [小]`): they end a value, but name nothing to keep. */
const WIDGET_LABELS = new Set(['字号', '字体', '字体大小', '文字大小']);

export function isWidgetLabel(normalized: string): boolean {
  return WIDGET_LABELS.has(labelKey(normalized));
}

export function isBylineLabel(normalized: string): boolean {
  return BYLINE_LABELS.has(labelKey(normalized));
}

/** True when the text holds a byline label followed by a colon. */
export function hasInlineBylineLabel(text: string): boolean {
  INLINE_LABEL.lastIndex = 0;
  for (let m = INLINE_LABEL.exec(text); m; m = INLINE_LABEL.exec(text)) {
    if (isBylineLabel(normalizeLabel(m[1] ?? ''))) return true;
  }
  return false;
}

/** True when the text holds a canonical label followed by a colon. */
export function hasInlineCanonicalLabel(text: string): boolean {
  INLINE_LABEL.lastIndex = 0;
  for (let m = INLINE_LABEL.exec(text); m; m = INLINE_LABEL.exec(text)) {
    if (canonicalLabel(normalizeLabel(m[1] ?? ''))) return true;
  }
  return false;
}

/** Values sites write for "none": `—  —`, `无`, `/`, `暂无` … */
export function isPlaceholder(value: string): boolean {
  const compact = stripSpaces(value);
  return /^[-—–－_/\\|·.。…]*$/.test(compact) || /^(无|暂无|空|null|undefined|none|n\/a)$/i.test(compact);
}
