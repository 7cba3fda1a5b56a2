import { mediaTypes } from '../attachments/index.js';
import { compileLinearRegex, type LinearRegex } from '../config/linear-regex.js';
import type { AlertConfig } from '../config/schema.js';
import type { EventDraft } from '../archive/event-draft.js';
import type { HealthEventDraft } from './event.js';

/**
 * Alert rules tag events with their names. A rule matches when every condition it sets holds:
 * the event type is in `on`, the title matches `titlePattern`, the source is in `sources`, and
 * each `fields` regex matches that canonical field's value, and one attachment the event brings
 * matches `attachmentPattern` (its name) and `attachmentTypes` (its kind). Patterns run on RE2
 * (linear time): titles, field values and attachment names are the site's choice.
 * A health event (source.failed …) has no title, fields or attachments: a rule for it sets `on`
 * (and `sources`), and one with a title, field or attachment condition never matches it.
 */
export function compileAlertRules(rules: AlertConfig[]): (draft: EventDraft | HealthEventDraft) => string[] {
  const compiled = rules.map((rule) => ({
    name: rule.name,
    on: new Set<string>(rule.on),
    title: rule.titlePattern ? compileLinearRegex(rule.titlePattern) : null,
    sources: rule.sources ? new Set(rule.sources) : null,
    fields: Object.entries(rule.fields ?? {}).map(([key, pattern]) => [key, compileLinearRegex(pattern)] as const),
    attachment: attachmentTest(rule.attachmentPattern, rule.attachmentTypes),
  }));
  return (draft) =>
    compiled
      .filter(
        (rule) =>
          rule.on.has(draft.type) &&
          (!rule.sources || rule.sources.has(draft.source)) &&
          ('reason' in draft
            ? !rule.title && rule.fields.length === 0 && !rule.attachment
            : (!rule.title || rule.title.test(draft.title)) &&
              rule.fields.every(([key, pattern]) => pattern.test(draft.fields?.[key] ?? '')) &&
              (!rule.attachment || (draft.attachments ?? []).some(rule.attachment))),
      )
      .map((rule) => rule.name);
}

type DraftAttachment = NonNullable<EventDraft['attachments']>[number];

/** One attachment's test, or null when the rule sets no attachment condition. */
function attachmentTest(pattern: string | undefined, types: readonly string[] | undefined): ((attachment: DraftAttachment) => boolean) | null {
  if (pattern === undefined && types === undefined) return null;
  const name: LinearRegex | null = pattern === undefined ? null : compileLinearRegex(pattern);
  const kinds = types ? new Set<string>(types) : null;
  return (attachment) => (!name || name.test(attachment.name)) && (!kinds || kinds.has(kindOf(attachment)));
}

const KIND_OF_MEDIA_TYPE = new Map<string, string>(Object.entries(mediaTypes).map(([kind, type]) => [type, kind]));
const EXTENSION_KINDS = new Set(['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'ppt', 'pptx', 'ofd', 'zip', 'rar', '7z']);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'tif', 'tiff', 'bmp', 'webp']);

/** By the bytes when the file was fetched; else by the extension of its name, then of its URL's path. */
function kindOf(attachment: DraftAttachment): string {
  if (attachment.mediaType) return attachment.mediaType.startsWith('image/') ? 'image' : (KIND_OF_MEDIA_TYPE.get(attachment.mediaType) ?? 'other');
  for (const text of [attachment.name, pathOf(attachment.url)]) {
    const extension = /\.([a-z0-9]{1,5})$/i.exec(text.trim())?.[1]?.toLowerCase();
    if (extension && EXTENSION_KINDS.has(extension)) return extension;
    if (extension && IMAGE_EXTENSIONS.has(extension)) return 'image';
  }
  return 'other';
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}
