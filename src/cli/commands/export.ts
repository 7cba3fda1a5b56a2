import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { exportCsv } from '../../export/csv.js';
import { writeExportFile } from '../../export/export-file.js';
import { exportJsonl } from '../../export/jsonl.js';
import type { Db } from '../../store/database.js';
import { commandContext, withArchive } from '../context.js';

type Exporter = (db: Db, out: NodeJS.WritableStream & Writable, sourceId?: string) => Promise<number>;

/** Loaded on use: warcio is needed by WARC exports alone. */
const warcModule = () => import('../../export/warc.js');

/** Export formats by name: jsonl and csv write the latest version of every document, warc every stored response. */
export const EXPORTERS: Record<string, Exporter> = {
  jsonl: exportJsonl,
  csv: exportCsv,
  warc: async (db, out, sourceId) => (await warcModule()).exportWarc(db, out, sourceId),
  'warc.gz': async (db, out, sourceId) => (await warcModule()).exportWarc(db, out, sourceId, { gzip: true }),
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('the latest version of every document (removed ones too), one record per document')
    .option('--format <format>', `output format: ${Object.keys(EXPORTERS).join(', ')}`, 'jsonl')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--source <id>', 'only this source')
    .action(async (options: { format: string; out?: string; source?: string }, command: Command) => {
      const exporter = EXPORTERS[options.format];
      if (!exporter) throw new UsageError(`unknown export format "${options.format}": expected one of ${Object.keys(EXPORTERS).join(', ')}`);
      const context = commandContext(command);
      await withArchive(context.config, async (db) => {
        // A file is replaced only once the export is complete (see export-file.ts).
        const count = options.out
          ? await writeExportFile(options.out, (out) => exporter(db, out, options.source))
          : await exporter(db, process.stdout, options.source);
        context.log.info({ documents: count, format: options.format, out: options.out ?? 'stdout' }, 'export finished');
      });
    });
}
