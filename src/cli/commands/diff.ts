import type { Command } from 'commander';
import { changedFields } from '../../compare/field-changes.js';
import { diffParagraphs } from '../../compare/paragraph-diff.js';
import { diffStyleFor, renderParagraphDiff } from '../../compare/render-diff.js';
import { UsageError } from '../../errors.js';
import type { VersionRow } from '../../store/records.js';
import { getVersion } from '../../store/versions.js';
import { documentNamed } from '../archive-names.js';
import { print, readingContext, withArchiveReadOnly } from '../context.js';
import { terminalText } from '../format.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('paragraph diff between two versions of a document (default: the last two); coloured on a terminal')
    .argument('<id-or-url>', 'document id (16 hex digits) or URL')
    .option('--from <n>', 'older version (default: the one before --to)')
    .option('--to <m>', 'newer version (default: the latest)')
    .action(async (idOrUrl: string, options: { from?: string; to?: string }, command: Command) => {
      const requested = { from: parseVersion('--from', options.from), to: parseVersion('--to', options.to) };
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        const doc = documentNamed(db, idOrUrl);
        const to = requested.to ?? doc.currentVersion;
        const from = requested.from ?? to - 1;
        if (from < 1 && requested.from === undefined) {
          print(context, terminalText(`${doc.id} has a single version: nothing to compare`));
          return;
        }
        const older = versionOrFail(getVersion(db, doc.id, from), doc.id, from, doc.currentVersion);
        const newer = versionOrFail(getVersion(db, doc.id, to), doc.id, to, doc.currentVersion);
        const style = diffStyleFor(context.stdout);
        for (const line of header(older, newer)) print(context, terminalText(line));
        // Made safe before the diff is coloured: the site's escapes go, the diff's own colours stay.
        const body = renderParagraphDiff(diffParagraphs(terminalText(older.text), terminalText(newer.text)), style);
        const changed = body.some((line) => !line.startsWith('  '));
        for (const line of changed ? body : ['(text unchanged)']) print(context, line);
      });
    });
}

function header(older: VersionRow, newer: VersionRow): string[] {
  const lines = [`--- version ${older.version}  ${older.fetchedAt}  ${older.title}`, `+++ version ${newer.version}  ${newer.fetchedAt}  ${newer.title}`];
  // The fields that make a version (compared as the archive compares them), before the paragraphs.
  for (const key of changedFields(older.fields, newer.fields)) lines.push(`field ${key}: ${older.fields[key] ?? '—'} → ${newer.fields[key] ?? '—'}`);
  return lines;
}

function versionOrFail(version: VersionRow | undefined, documentId: string, number: number, latest: number): VersionRow {
  if (!version) throw new UsageError(`document ${documentId} has versions 1 to ${latest}: there is no version ${number}`);
  return version;
}

function parseVersion(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw new UsageError(`${option} expects a positive version number, got "${text}"`);
  return version;
}
