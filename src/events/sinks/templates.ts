/**
 * Message templates (Mustache, logic-less): `{{title}}` inserts a value, `{{#alerts}}…{{/alerts}}`
 * shows a part only when the value is non-empty. Values are made safe for the channel before
 * rendering (Markdown-neutral for chat robots, one plain line for mail text, HTML-escaped for mail
 * HTML), so a template author cannot forget an escape and a page title cannot inject markup.
 */
import Mustache from 'mustache';
import { isHealthEvent, type ChangeEvent } from '../event.js';
import type { EventDetails } from './event-details.js';
import { changeSummaryText, chinaTime, clip, linkUrl, markdownValue, plainValue, typeLabel } from './template-values.js';

/** Everything a template can use. */
export interface MessageView {
  /** Document title; for a health event, its reason. */
  title: string;
  /** Document URL (http/https only); empty for a health event. */
  url: string;
  /** True for a health event (source.failed, source.recovered, source.silent): `{{#health}}…{{/health}}`. */
  health: boolean;
  /** Why, for a health event (e.g. "http://…/xxgk/ answered 404 (check startUrls)"); empty otherwise. */
  reason: string;
  /** Source id and configured name (the id when it has none). */
  source: string;
  sourceName: string;
  /** YYYY-MM-DD, or empty when the page gave none. */
  publishedDate: string;
  /** Event type (document.created …) and its Chinese label (新发布 / 有更新 / 已撤下 / 采集失败 / 采集恢复 / 采集异常). */
  type: string;
  typeLabel: string;
  /** Document version; 0 for a health event. */
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
  const health = isHealthEvent(event);
  return {
    title: safe(clip(health ? event.reason : event.title, MAX_TITLE_CHARS)),
    url: health ? '' : linkUrl(event.url),
    health,
    reason: health ? safe(clip(event.reason, MAX_TITLE_CHARS)) : '',
    source: safe(event.source),
    sourceName: safe(details.sourceName),
    publishedDate: safe(details.publishedDate ?? ''),
    type: event.type,
    typeLabel: typeLabel(event.type),
    version: health ? 0 : event.version,
    alerts: event.alerts.map(safe).join('、'),
    changeSummary: safe(changeSummaryText(event)),
    at: event.at,
    time: chinaTime(event.at),
    documentId: health ? '' : safe(event.documentId),
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

/** Defaults for document events; each can be replaced per sink under `template:`. */
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

/** Defaults for health events (【采集失败】…): the source, the reason, the time. A sink's own `template:` serves both kinds. */
export const HEALTH_TEMPLATES = {
  robot: {
    title: '【{{typeLabel}}】{{sourceName}}',
    text: `### {{typeLabel}}：{{sourceName}}

- 原因：{{reason}}
- 来源编号：{{source}}
{{#alerts}}
- 提醒规则：{{alerts}}
{{/alerts}}
- 记录时间：{{time}}（北京时间）
`,
  },
  email: {
    subject: '【{{typeLabel}}】{{sourceName}}',
    text: `{{typeLabel}}：{{sourceName}}

原因：{{reason}}
来源编号：{{source}}
{{#alerts}}
提醒规则：{{alerts}}
{{/alerts}}
记录时间：{{time}}（北京时间）

—— bureau-watch
`,
    html: `<p><strong>{{typeLabel}}：{{sourceName}}</strong></p>
<table>
<tr><td>原因</td><td>{{reason}}</td></tr>
<tr><td>来源编号</td><td>{{source}}</td></tr>
{{#alerts}}
<tr><td>提醒规则</td><td>{{alerts}}</td></tr>
{{/alerts}}
<tr><td>记录时间</td><td>{{time}}（北京时间）</td></tr>
</table>
<p style="color:#888">—— bureau-watch</p>
`,
  },
} as const;

/** The default templates for this event's kind. */
export function defaultTemplates(event: Pick<ChangeEvent, 'type'>): typeof DEFAULT_TEMPLATES | typeof HEALTH_TEMPLATES {
  return event.type.startsWith('source.') ? HEALTH_TEMPLATES : DEFAULT_TEMPLATES;
}
