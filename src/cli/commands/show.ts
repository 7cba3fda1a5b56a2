import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { versionCount } from '../../search/resolve-document.js';
import { documentRecord, withAttachmentTexts, type DocumentRecord } from '../../store/document-record.js';
import { getVersion } from '../../store/versions.js';
import { formatTable, terminalJson, terminalText } from '../format.js';
import { documentNamed } from '../archive-names.js';
import { print, readingContext, withArchiveReadOnly } from '../context.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('one document: its fields, labels, attachments and text (latest version unless --version)')
    .argument('<id-or-url>', 'document id (16 hex digits) or URL')
    .option('--version <n>', 'this version instead of the latest')
    .option('--json', 'print the document record, with per-field provenance under "provenance"')
    .action(async (idOrUrl: string, options: { version?: string; json?: boolean }, command: Command) => {
      const versionNumber = options.version === undefined ? undefined : parseVersion(options.version);
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        const doc = documentNamed(db, idOrUrl);
        const count = versionCount(db, doc.id);
        const record = documentRecord(db, doc, versionNumber ?? doc.currentVersion);
        if (!record) throw new UsageError(`document ${doc.id} has versions 1 to ${count}: there is no version ${versionNumber}`);
        const provenance = getVersion(db, doc.id, record.version)?.provenance ?? {};
        if (options.json) print(context, terminalJson({ ...withAttachmentTexts(db, record), provenance }, 2));
        else for (const line of renderDocument(record, provenance, count)) print(context, terminalText(line));
      });
    });
}

function parseVersion(text: string): number {
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new UsageError(`--version expects a positive integer, got "${text}"`);
  return version;
}

/** The document for a terminal: facts, fields with the rule that found each, labels, attachments, text. */
export function renderDocument(record: DocumentRecord, provenance: Record<string, string>, versions: number): string[] {
  const facts: [string, string][] = [
    ['id', record.id],
    ['source', record.source],
    ['status', record.status],
    ['version', `${record.version} of ${versions}${record.version === versions ? ' (latest)' : ''}`],
    ['published', record.publishedDate ?? '—'],
    ['first seen', record.firstSeenAt],
    ['last changed', record.lastChangedAt],
    ['duplicate of', record.duplicateOf ?? '—'],
    ['content hash', record.contentHash],
  ];
  const lines = [record.title || '(untitled)', record.url, ''];
  lines.push(...facts.map(([name, value]) => `${name.padEnd(13)}${value}`), '');
  const fields = Object.entries(record.fields);
  lines.push(`Fields (${fields.length})`);
  // The value goes last: a long one then runs on instead of widening every row.
  if (fields.length)
    lines.push(
      formatTable(
        ['key', 'found by', 'value'],
        fields.map(([key, value]) => [key, provenance[`fields.${key}`] ?? provenance[key] ?? '', oneLine(value)]),
      ),
    );
  const labels = Object.entries(record.labels);
  lines.push('', `Labels (${labels.length})`);
  if (labels.length)
    lines.push(
      formatTable(
        ['label', 'value'],
        labels.map(([label, value]) => [label, oneLine(value)]),
      ),
    );
  lines.push('', `Attachments (${record.attachments.length})`);
  lines.push(...record.attachments.map((attachment) => `  ${attachment.name}  ${attachment.url}${attachmentFacts(attachment)}`));
  lines.push('', 'Text', '', record.text);
  return lines;
}

/** "  (ok, application/pdf, 8676 bytes, 1830 characters)"; nothing for a link recorded before attachments were fetched. */
function attachmentFacts(attachment: DocumentRecord['attachments'][number]): string {
  if (!attachment.status) return '';
  const facts = [
    attachment.status,
    attachment.mediaType,
    attachment.size == null ? null : `${attachment.size} bytes`,
    attachment.sha256 ? `${attachment.textLength ?? 0} characters${attachment.textLayer === false ? ', no text layer' : ''}` : null,
  ];
  return `  (${facts.filter(Boolean).join(', ')})`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
