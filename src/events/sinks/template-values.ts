/**
 * The values a message template can show, in Chinese, and how each channel makes them safe.
 * Every string from a crawled page is hostile: a title may carry Markdown (a link to anywhere, an
 * "@all"), HTML, line breaks that start a heading, or terminal control characters.
 */
import type { ChangeSummary } from '../../compare/change-summary.js';
import type { ChangeEvent } from '../event.js';
import type { EventType } from '../event-types.js';

const TYPE_LABELS: Record<EventType, string> = {
  'document.created': '新发布',
  'document.updated': '有更新',
  'document.removed': '已撤下',
  'source.failed': '采集失败',
  'source.recovered': '采集恢复',
  'source.silent': '采集异常',
};

/** Chinese names of the canonical fields, as bureaus label them (see shared reference fields.md). */
const FIELD_LABELS: Record<string, string> = {
  indexNo: '索引号',
  category: '主题分类',
  publisher: '发布机构',
  docNo: '文号',
  writtenDate: '成文日期',
  generatedDate: '生成日期',
  publishedDate: '发布日期',
  validity: '效力状况',
  keywords: '关键词',
  summary: '内容概述',
  title: '标题',
  disclosureMethod: '公开方式',
  disclosureScope: '公开范围',
  disclosureTerm: '公开时限',
  disclosureForm: '公开形式',
  validUntil: '有效期',
  genre: '体裁',
  procedure: '公开程序',
};

export function typeLabel(type: EventType): string {
  return TYPE_LABELS[type];
}

/** "标题有变化；效力状况有变化；新增 2 段，删除 1 段"; empty when nothing is known to have changed. */
export function changeSummaryText(event: Pick<ChangeEvent, 'type'> & { changes?: ChangeSummary | undefined }): string {
  const changes = event.changes;
  if (event.type !== 'document.updated' || !changes) return '';
  const parts: string[] = [];
  if (changes.titleChanged) parts.push('标题有变化');
  if (changes.fieldsChanged?.length) parts.push(`${changes.fieldsChanged.map((key) => FIELD_LABELS[key] ?? key).join('、')}有变化`);
  const added = changes.paragraphsAdded ?? 0;
  const removed = changes.paragraphsRemoved ?? 0;
  if (added || removed) parts.push([added ? `新增 ${added} 段` : '', removed ? `删除 ${removed} 段` : ''].filter(Boolean).join('，'));
  return parts.join('；');
}

/** "2024-03-08 09:02" in China Standard Time (UTC+8 all year: no daylight saving to handle). */
export function chinaTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

// C0/C1 controls, DEL, bidi overrides and line/paragraph separators: none belongs in a one-line value.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;

/** At most `max` characters (code points, so no surrogate pair is split), "…" marking a cut. */
export function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** One line of plain text: control characters and line breaks become a single space. */
export function plainValue(value: string): string {
  return value
    .replace(CONTROL, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// Characters that make Markdown (DingTalk, WeCom, Feishu lark_md) syntax: links, emphasis, code,
// headings, quotes, tables, HTML-ish tags such as <font> and <at>. Replaced by their full-width
// forms, which read naturally in Chinese text and mean nothing to a Markdown renderer.
const MARKDOWN_SYNTAX: Record<string, string> = {
  '\\': '＼',
  '`': '｀',
  '*': '＊',
  _: '＿',
  '~': '～',
  '[': '［',
  ']': '］',
  '(': '（',
  ')': '）',
  '<': '＜',
  '>': '＞',
  '#': '＃',
  '|': '｜',
  '!': '！',
};

/** A value that renders as the same text in a Markdown message and can add no markup. */
export function markdownValue(value: string): string {
  return plainValue(value).replace(/[\\`*_~[\]()<>#|!]/g, (char) => MARKDOWN_SYNTAX[char]!);
}

/**
 * The URL as a Markdown link target: only http(s) (anything else becomes empty), with the
 * characters that would end `[text](url)` early percent-encoded. Its meaning is unchanged.
 */
export function linkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  return url.href.replace(/[()[\]<>"' ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
