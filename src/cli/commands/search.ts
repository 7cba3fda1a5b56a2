import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { countMatches } from '../../search/count.js';
import { parseDay, type SearchFilters } from '../../search/filters.js';
import { DEFAULT_LIMIT, searchDocuments, type SearchHit } from '../../search/search.js';
import { PLAIN_MARKS, TERMINAL_MARKS } from '../../search/snippet.js';
import { unindexedSearchRows } from '../../store/search-index.js';
import { checkSourceIds } from '../archive-names.js';
import { collect, print, readingContext, withArchiveReadOnly } from '../context.js';
import { parseFieldOption } from '../field-keys.js';
import { markedTerminalText, placeholderMarks, terminalJson, terminalText } from '../format.js';

interface SearchCommandOptions {
  json?: boolean;
  limit: string;
  source: string[];
  since?: string;
  until?: string;
  field: string[];
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search of document titles and text (latest versions); 1- and 2-character Chinese queries work too')
    .argument('<query...>', 'words to find, all of them (substring match; put -- before a query starting with "-")')
    .option('--json', 'print a JSON array of document records (with an extra "snippet", and "matchedAttachment" when the match is in an attachment)')
    .option('--limit <n>', 'most results', String(DEFAULT_LIMIT))
    .option('--source <id>', 'only this source (repeatable)', collect, [])
    .option('--since <YYYY-MM-DD>', 'published on or after this day')
    .option('--until <YYYY-MM-DD>', 'published on or before this day')
    .option('--field <key=value>', 'a field has exactly this value (repeatable); the key is canonical (validity) or a label (效力状况)', collect, [])
    .action(async (words: string[], options: SearchCommandOptions, command: Command) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit expects a positive integer, got "${options.limit}"`);
      const filters: SearchFilters = {
        sources: options.source,
        fields: options.field.map(parseFieldOption),
        ...(options.since ? { since: parseDay('--since', options.since) } : {}),
        ...(options.until ? { until: parseDay('--until', options.until) } : {}),
      };
      const context = readingContext(command);
      const marks = !options.json && process.stdout.isTTY ? TERMINAL_MARKS : PLAIN_MARKS;
      // For text output snippets are marked with unforgeable placeholders, made safe, then given the real marks.
      const placeholders = options.json ? marks : placeholderMarks();
      await withArchiveReadOnly(context, (db) => {
        checkSourceIds(db, context.config, options.source);
        const query = words.join(' ');
        const due = unindexedSearchRows(db);
        if (due > 0)
          context.log.warn(
            { documents: due },
            `${due} document(s) stored by a crawl that did not finish are not in the search index yet: the next crawl indexes them`,
          );
        const hits = searchDocuments(db, query, { ...filters, limit, marks: placeholders });
        if (options.json)
          print(
            context,
            terminalJson(
              hits.map(({ record, snippet, attachment }) => ({ ...record, snippet, ...(attachment ? { matchedAttachment: attachment } : {}) })),
              2,
            ),
          );
        else printHits(context, hits, countMatches(db, query, filters), limit, (snippet) => markedTerminalText(snippet, placeholders, marks));
      });
    });
}

function printHits(
  context: { stdout: NodeJS.WritableStream },
  hits: SearchHit[],
  total: number,
  limit: number,
  showSnippet: (snippet: string) => string,
): void {
  hits.forEach(({ record, snippet, attachment }, index) => {
    const facts = [record.source, record.publishedDate ?? 'no date', `v${record.version}`, record.status === 'removed' ? 'REMOVED' : '']
      .filter(Boolean)
      .join(' · ');
    print(context, terminalText(`${index + 1}. ${record.title || '(untitled)'}  (${facts})`));
    print(context, terminalText(`   ${record.url}`));
    print(context, `   id ${record.id}`);
    if (attachment) print(context, terminalText(`   in attachment ${attachment.position + 1}: ${attachment.name}`));
    print(context, `   ${showSnippet(snippet)}`);
    print(context);
  });
  // "3 of 5 documents" when --limit cut the list, so a shown count is never taken for the whole.
  const noun = `document${total === 1 ? '' : 's'}`;
  print(context, hits.length < total ? `${hits.length} of ${total} ${noun} (--limit ${limit})` : `${total} ${noun} found`);
}
