import type { Command } from 'commander';
import { documentHistory } from '../../archive/history.js';
import { formatTable, terminalJson, terminalText } from '../format.js';
import { documentNamed } from '../archive-names.js';
import { print, readingContext, withArchiveReadOnly } from '../context.js';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description("a document's versions: number, time recorded, content hash, what changed")
    .argument('<id-or-url>', 'document id (16 hex digits) or URL')
    .option('--json', 'print a JSON array of {version, at, contentHash, title, changes, summary}')
    .action(async (idOrUrl: string, options: { json?: boolean }, command: Command) => {
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        const doc = documentNamed(db, idOrUrl);
        const history = documentHistory(db, doc.id);
        if (options.json) {
          print(context, terminalJson(history, 2));
          return;
        }
        print(context, terminalText(`${doc.id}  ${doc.url}  (${doc.status}${doc.duplicateOf ? `, duplicate of ${doc.duplicateOf}` : ''})`));
        print(
          context,
          formatTable(
            ['version', 'recorded at', 'content hash', 'title', 'changed'],
            history.map((entry) => [String(entry.version), entry.at, entry.contentHash.slice(0, 12), entry.title, entry.summary]),
          ),
        );
      });
    });
}
