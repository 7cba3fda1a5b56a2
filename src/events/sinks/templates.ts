/**
 * Message templates (Mustache, logic-less): `{{title}}` inserts a value, `{{#alerts}}…{{/alerts}}`
 * shows a part only when the value is non-empty. Values are made safe for the channel before
 * rendering (Markdown-neutral for chat robots, one plain line for mail text, HTML-escaped for mail
 * HTML), so a template author cannot forget an escape and a page title cannot inject markup.
 */
import Mustache from 'mustache';
import type { ChangeEvent } from '../event.js';
import type { EventDetails } from './event-details.js';
import { changeSummaryText, chinaTime, clip, linkUrl, markdownValue, plainValue, typeLabel } from './template-values.js';

/** Everything a template can use. */
export interface MessageView {
  /** Document title. */
  title: string;
  /** Document URL (http/https only). */
  url: string;
  /** Source id and configured name (the id when it has none). */
  source: string;
  sourceName: string;
  /** YYYY-MM-DD, or empty when the page gave none. */
  publishedDate: string;
  /** Event type (document.created …) and its Chinese label (新发布 / 有更新 / 已撤下). */
  type: string;
  typeLabel: string;
  version: number;
  /** Names of the alert rules the event matched, joined by "、"; empty when none. */
  alerts: string;
  /** What an update changed, in Chinese; empty for other events. */
  changeSummary: string;
  /** When the event was recorded: ISO-8601, and "YYYY-MM-DD HH:mm" China Standard Time. */
  at: string;
  time: string;
  documentId: string;
  eventId: string;
}

export type Channel = 'markdown' | 'text' | 'html';

/** Real titles are under 100 characters; a longer one is cut so a message stays within platform limits. */
const MAX_TITLE_CHARS = 200;

export function messageView(event: ChangeEvent, details: EventDetails, channel: Channel): MessageView {
  const safe = channel === 'markdown' ? markdownValue : plainValue;
  return {
    title: safe(clip(event.title, MAX_TITLE_CHARS)),
    url: linkUrl(event.url),
    source: safe(event.source),
    sourceName: safe(details.sourceName),
    publishedDate: safe(details.publishedDate ?? ''),
    type: event.type,
    typeLabel: typeLabel(event.type),
    version: event.version,
    alerts: event.alerts.map(safe).join('、'),
    changeSummary: safe(changeSummaryText(event)),
    at: event.at,
    time: chinaTime(event.at),
    documentId: safe(event.documentId),
    eventId: safe(event.id),
  };
}

/** Renders a template; only the HTML channel escapes at render time (its values are plain text). */
export function renderTemplate(template: string, view: MessageView, channel: Channel): string {
  const escape = channel === 'html' ? Mustache.escape : (value: unknown) => String(value);
  return Mustache.render(template, view, {}, { escape });
}

const DETAILS_MARKDOWN = `- 来源：{{sourceName}}
{{#publishedDate}}
- 发布日期：{{publishedDate}}
{{/publishedDate}}
{{#alerts}}
- 提醒规则：{{alerts}}
{{/alerts}}
{{#changeSummary}}
- 变化：{{changeSummary}}
{{/changeSummary}}
- 记录时间：{{time}}（北京时间）
`;

const ROBOT_TEXT = `### {{typeLabel}}：{{title}}

${DETAILS_MARKDOWN}
[查看原文]({{url}})`;

/** Defaults; each can be replaced per sink under `template:`. */
export const DEFAULT_TEMPLATES = {
  robot: {
    title: '【{{typeLabel}}】{{title}}',
    text: ROBOT_TEXT,
  },
  email: {
    subject: '【{{typeLabel}}】{{sourceName}}：{{title}}',
    text: `{{typeLabel}}：{{title}}

来源：{{sourceName}}
{{#publishedDate}}
发布日期：{{publishedDate}}
{{/publishedDate}}
{{#alerts}}
提醒规则：{{alerts}}
{{/alerts}}
{{#changeSummary}}
变化：{{changeSummary}}
{{/changeSummary}}
记录时间：{{time}}（北京时间）
原文链接：{{url}}

—— bureau-watch
`,
    html: `<p><strong>{{typeLabel}}：{{title}}</strong></p>
<table>
<tr><td>来源</td><td>{{sourceName}}</td></tr>
{{#publishedDate}}
<tr><td>发布日期</td><td>{{publishedDate}}</td></tr>
{{/publishedDate}}
{{#alerts}}
<tr><td>提醒规则</td><td>{{alerts}}</td></tr>
{{/alerts}}
{{#changeSummary}}
<tr><td>变化</td><td>{{changeSummary}}</td></tr>
{{/changeSummary}}
<tr><td>记录时间</td><td>{{time}}（北京时间）</td></tr>
</table>
<p><a href="{{url}}">查看原文</a></p>
<p style="color:#888">—— bureau-watch</p>
`,
  },
} as const;
