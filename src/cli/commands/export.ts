import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { exportAttachmentFiles } from '../../export/attachment-files.js';
import { exportCsv } from '../../export/csv.js';
import { writeExportFile } from '../../export/export-file.js';
import { exportJsonl } from '../../export/jsonl.js';
import type { Db } from '../../store/database.js';
import type { SourceScope } from '../../store/documents.js';
import { checkSourceIds } from '../archive-names.js';
import { collect, readingContext, withArchiveReadOnly } from '../context.js';

/** Options only some formats take (atom: --alert, --limit); the config's alert names for checking --alert. */
interface ExportOptions {
  alert?: string | undefined;
  limit?: number | undefined;
  knownAlerts: string[];
}

/** Loaded on use: warcio is needed by WARC exports alone. */
const warcModule = () => import('../../export/warc.js');

type Exporter = (db: Db, out: NodeJS.WritableStream & Writable, sources?: SourceScope, options?: ExportOptions) => Promise<number>;

/** Formats that take --alert and --limit. */
const FEED_FORMATS = new Set(['atom']);

/**
 * Export formats by name: jsonl and csv write the latest version of every document, warc every
 * stored response, atom a feed of the newest events (one entry per event).
 */
export const EXPORTERS: Record<string, Exporter> = {
  jsonl: exportJsonl,
  csv: exportCsv,
  warc: async (db, out, sources) => (await warcModule()).exportWarc(db, out, sources),
  'warc.gz': async (db, out, sources) => (await warcModule()).exportWarc(db, out, sources, { gzip: true }),
  // One feed has one scope: exportFeed allows a single --source.
  atom: async (db, out, sources, options) => (await import('../../export/atom.js')).exportAtom(db, out, { sourceId: [sources ?? []].flat()[0], ...options }),
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('the latest version of every document (removed ones too), one record per document')
    .option('--format <format>', `output format: ${Object.keys(EXPORTERS).join(', ')}`, 'jsonl')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--source <id>', 'only this source (repeatable; atom: one)', collect, [])
    .option('--alert <name>', 'atom: only events this alert rule matched')
    .option('--limit <n>', 'atom: the newest N events (default 100)', parseLimit)
    .option('--attachments <dir>', 'also write the attachment files of those documents to DIR (<sha256>.<ext>, with index.jsonl)')
    .action(async (options: { format: string; out?: string; source: string[]; alert?: string; limit?: number; attachments?: string }, command: Command) => {
      const exporter = EXPORTERS[options.format];
      if (!exporter) throw new UsageError(`unknown export format "${options.format}": expected one of ${Object.keys(EXPORTERS).join(', ')}`);
      if ((options.alert !== undefined || options.limit !== undefined) && !FEED_FORMATS.has(options.format)) {
        throw new UsageError(`--alert and --limit apply to --format atom only, not "${options.format}"`);
      }
      if (FEED_FORMATS.has(options.format) && options.source.length > 1)
        throw new UsageError('--format atom takes one --source at most (a feed has one scope)');
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        checkSourceIds(db, context.config, options.source);
        // A file is replaced only once the export is complete (see export-file.ts).
        const exportTo = (out: NodeJS.WritableStream & Writable) =>
          exporter(db, out, options.source, {
            alert: options.alert,
            limit: options.limit,
            knownAlerts: context.config.alerts.map((alert) => alert.name),
          });
        const count = options.out ? await writeExportFile(options.out, exportTo) : await exportTo(process.stdout);
        const noun = FEED_FORMATS.has(options.format) ? 'entries' : 'documents';
        context.log.info(
          { [noun]: count, format: options.format, out: options.out ?? 'stdout' },
          `${count} ${noun} written to ${options.out ?? 'stdout'} (${options.format})`,
        );
        if (options.attachments) {
          const written = await exportAttachmentFiles(db, options.attachments, options.source);
          context.log.info({ ...written, dir: options.attachments }, `${written.files} attachment file(s) written to ${options.attachments}`);
        }
      });
    });
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit expects a whole number of at least 1, got "${value}"`);
  return limit;
}
