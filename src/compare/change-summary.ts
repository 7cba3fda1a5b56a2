/** What an update changed, as a reader cares (an event's `changes`, `history`'s summary). */
import { comparisonText } from './comparison-text.js';
import { changedFields } from './field-changes.js';
import { diffParagraphs } from './paragraph-diff.js';

/** What an update changed, as far as a reader cares. */
export interface ChangeSummary {
  titleChanged?: boolean;
  fieldsChanged?: string[];
  paragraphsAdded?: number;
  paragraphsRemoved?: number;
  /** Attachments added, removed, or whose file changed (src/archive/attachment-changes.ts). */
  attachments?: AttachmentChange[];
}

/** One attachment an update changed; paragraph counts for a changed file whose text was read. */
export interface AttachmentChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  paragraphsAdded?: number;
  paragraphsRemoved?: number;
}

/** What a change summary compares: a stored version, or a fetched or re-read document. */
export interface VersionContent {
  title: string;
  fields: Record<string, string | undefined>;
  text: string;
}

/**
 * What an update changed, as a reader cares: the title, the canonical fields whose value differs
 * (in comparison form: src/compare/field-changes.ts), and how many paragraphs were added and
 * removed (an edited paragraph counts once each way).
 */
export function summarizeChange(previous: VersionContent, next: VersionContent): ChangeSummary {
  const fieldsChanged = changedFields(previous.fields, next.fields);
  let paragraphsAdded = 0;
  let paragraphsRemoved = 0;
  for (const hunk of diffParagraphs(previous.text, next.text)) {
    if (hunk.kind === 'added') paragraphsAdded += hunk.paragraphs.length;
    if (hunk.kind === 'removed') paragraphsRemoved += hunk.paragraphs.length;
  }
  return {
    titleChanged: comparisonText(previous.title) !== comparisonText(next.title),
    fieldsChanged,
    paragraphsAdded,
    paragraphsRemoved,
  };
}

/** One line for humans: "title, fields: validity, +2/−1 paragraphs". */
export function describeChange(summary: ChangeSummary | undefined): string {
  if (!summary) return '';
  const parts: string[] = [];
  if (summary.titleChanged) parts.push('title');
  if (summary.fieldsChanged?.length) parts.push(`fields: ${summary.fieldsChanged.join(', ')}`);
  if (summary.paragraphsAdded || summary.paragraphsRemoved) {
    parts.push(`+${summary.paragraphsAdded ?? 0}/-${summary.paragraphsRemoved ?? 0} paragraphs`);
  }
  for (const attachment of summary.attachments ?? []) parts.push(describeAttachmentChange(attachment));
  return parts.join(', ') || 'text';
}

/** "attachment 2025年工作要点.pdf changed: +1/-1 paragraphs", "attachment 附件2.docx added". */
export function describeAttachmentChange(change: AttachmentChange): string {
  const counts = change.paragraphsAdded || change.paragraphsRemoved ? `: +${change.paragraphsAdded ?? 0}/-${change.paragraphsRemoved ?? 0} paragraphs` : '';
  return `attachment ${change.name} ${change.change}${counts}`;
}

/** Paragraphs added and removed between two texts (an edited paragraph counts once each way). */
export function paragraphCounts(before: string, after: string): { paragraphsAdded: number; paragraphsRemoved: number } {
  let paragraphsAdded = 0;
  let paragraphsRemoved = 0;
  for (const hunk of diffParagraphs(before, after)) {
    if (hunk.kind === 'added') paragraphsAdded += hunk.paragraphs.length;
    if (hunk.kind === 'removed') paragraphsRemoved += hunk.paragraphs.length;
  }
  return { paragraphsAdded, paragraphsRemoved };
}
