import { compileLinearRegex } from '../config/linear-regex.js';
import type { AlertConfig } from '../config/schema.js';
import type { EventDraft } from '../archive/event-draft.js';
import type { HealthEventDraft } from './event.js';

/**
 * Alert rules tag events with their names. A rule matches when every condition it sets holds:
 * the event type is in `on`, the title matches `titlePattern`, the source is in `sources`, and
 * each `fields` regex matches that canonical field's value. Patterns run on RE2 (linear time):
 * titles and field values are the site's choice. A health event (source.failed …) has no title or
 * fields: a rule for it sets `on` (and `sources`), and one with a title or field condition never matches it.
 */
export function compileAlertRules(rules: AlertConfig[]): (draft: EventDraft | HealthEventDraft) => string[] {
  const compiled = rules.map((rule) => ({
    name: rule.name,
    on: new Set<string>(rule.on),
    title: rule.titlePattern ? compileLinearRegex(rule.titlePattern) : null,
    sources: rule.sources ? new Set(rule.sources) : null,
    fields: Object.entries(rule.fields ?? {}).map(([key, pattern]) => [key, compileLinearRegex(pattern)] as const),
  }));
  return (draft) =>
    compiled
      .filter((rule) =>
        rule.on.has(draft.type)
        && (!rule.sources || rule.sources.has(draft.source))
        && ('reason' in draft
          ? !rule.title && rule.fields.length === 0
          : (!rule.title || rule.title.test(draft.title)) && rule.fields.every(([key, pattern]) => pattern.test(draft.fields?.[key] ?? ''))))
      .map((rule) => rule.name);
}
