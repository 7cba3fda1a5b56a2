/**
 * From archive events to Atom feed and entry descriptions (pure). One entry per event: the title
 * with the event's Chinese label, a one-paragraph summary (source, publication date, alerts, what
 * changed), a link to the document's URL, and an id derived from the event's id, so an entry keeps
 * its identity across exports and servers and a feed reader never shows it twice.
 */
import { isHealthEvent } from '../events/event.js';
import { changeSummaryText, linkUrl, plainValue, typeLabel } from '../events/sinks/template-values.js';
import type { AtomEntry, AtomFeed } from './atom-feed.js';
import type { FeedEvent, FeedScope } from './atom-events.js';

/** Tag URI authority of this program's ids (RFC 4151: a DNS-style name and a date). */
const TAG = 'tag:bureau-watch,2024:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FeedOptions {
  /** The source's name, for the title of a source's feed. */
  sourceName?: string;
  /** When the feed is made: its `updated` when it has no entries. */
  now: Date;
  selfUrl?: string;
  alternateUrl?: string;
}

export function feedFromEvents(scope: FeedScope, events: FeedEvent[], options: FeedOptions): AtomFeed {
  return {
    id: feedId(scope),
    title: `${feedTitle(scope, options.sourceName)} — bureau-watch`,
    subtitle: '政府信息公开栏目的新发布、更新与撤下',
    updated: events[0]?.at ?? options.now.toISOString(),
    author: 'bureau-watch',
    ...(options.selfUrl ? { selfUrl: options.selfUrl } : {}),
    ...(options.alternateUrl ? { alternateUrl: options.alternateUrl } : {}),
    entries: events.map(eventEntry),
  };
}

/** tag:bureau-watch,2024:feed/all, …feed/source/ID, …feed/alert/NAME, …feed/source/ID/alert/NAME. */
export function feedId(scope: FeedScope): string {
  const parts = [
    ...(scope.sourceId !== undefined ? ['source', encodeURIComponent(scope.sourceId)] : []),
    ...(scope.alert !== undefined ? ['alert', encodeURIComponent(scope.alert)] : []),
  ];
  return `${TAG}feed/${parts.length ? parts.join('/') : 'all'}`;
}

function feedTitle(scope: FeedScope, sourceName: string | undefined): string {
  const parts = [
    ...(scope.sourceId !== undefined ? [plainValue(sourceName ?? scope.sourceId)] : []),
    ...(scope.alert !== undefined ? [`提醒规则「${plainValue(scope.alert)}」`] : []),
  ];
  return parts.length ? parts.join(' · ') : '全部来源';
}

export function eventEntry(event: FeedEvent): AtomEntry {
  const health = isHealthEvent(event);
  const link = health ? '' : linkUrl(event.url);
  return {
    id: UUID.test(event.id) ? `urn:uuid:${event.id.toLowerCase()}` : `${TAG}event/${encodeURIComponent(event.id)}`,
    title: `【${typeLabel(event.type)}】${plainValue(health ? event.sourceName : event.title)}`,
    updated: event.at,
    ...(link ? { link } : {}),
    summary: health ? healthSummary(event) : entrySummary(event),
    author: plainValue(event.sourceName),
    categories: [
      { term: event.type, scheme: `${TAG}event-type`, label: typeLabel(event.type) },
      ...event.alerts.map((alert) => ({ term: alert, scheme: `${TAG}alert` })),
    ],
  };
}

/** "来源：…；发布日期：…；提醒规则：…；变化：…；版本 2" — the parts that apply. */
function entrySummary(event: Extract<FeedEvent, { version: number }>): string {
  const parts = [`来源：${plainValue(event.sourceName)}`];
  if (event.publishedDate) parts.push(`发布日期：${plainValue(event.publishedDate)}`);
  if (event.alerts.length) parts.push(`提醒规则：${event.alerts.map(plainValue).join('、')}`);
  const changes = changeSummaryText(event);
  if (changes) parts.push(`变化：${changes}`);
  parts.push(`版本 ${event.version}`);
  return parts.join('；');
}

/** "原因：…；来源：…（binhu-edu）；提醒规则：…" for a health event. */
function healthSummary(event: Extract<FeedEvent, { reason: string }>): string {
  const parts = [`原因：${plainValue(event.reason)}`, `来源：${plainValue(event.sourceName)}（${plainValue(event.source)}）`];
  if (event.alerts.length) parts.push(`提醒规则：${event.alerts.map(plainValue).join('、')}`);
  return parts.join('；');
}
