import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EVENT_TYPES, type EventType } from '../../events/event-types.js';
import { eventHeadline, eventVersionText, publicEvent } from '../../events/event.js';
import { eventExists, listEvents } from '../../events/outbox.js';
import { formatTable, terminalJson } from '../format.js';
import { print, readingContext, withArchiveReadOnly } from '../context.js';

/** Events read from the outbox per query: the JSON array is streamed, never held whole. */
const PAGE = 1_000;

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('the recorded change events, oldest first')
    .option('--json', 'print a JSON array of events (the shape sinks receive)')
    .option('--since <event-id>', 'only events recorded after this one')
    .option('--type <type>', `only this type: ${EVENT_TYPES.join(', ')}`)
    .action(async (options: { json?: boolean; since?: string; type?: string }, command: Command) => {
      const type = parseType(options.type);
      const context = readingContext(command);
      await withArchiveReadOnly(context, async (db) => {
        if (options.since !== undefined && !eventExists(db, options.since)) {
          throw new UsageError(`--since: no event with id "${options.since}" in the archive (see \`events\` for ids)`);
        }
        const firstPage = listEvents(db, { sinceId: options.since, type, limit: PAGE });
        const pages = function* () {
          for (let page = firstPage; page.length > 0; page = listEvents(db, { afterSeq: page.at(-1)!.seq, type, limit: PAGE })) yield page;
        };
        if (options.json) {
          let first = true;
          context.stdout.write('[');
          for (const page of pages()) {
            for (const event of page) {
              context.stdout.write(`${first ? '\n' : ',\n'}${terminalJson(publicEvent(event))}`);
              first = false;
            }
          }
          print(context, first ? ']' : '\n]');
          return;
        }
        const rows = [...pages()]
          .flat()
          .map((event) => [event.at, event.type, eventVersionText(event), event.source, eventHeadline(event), event.alerts.join(','), event.id]);
        print(context, formatTable(['at', 'type', 'version', 'source', 'title', 'alerts', 'id'], rows));
      });
    });
}

function parseType(type: string | undefined): EventType | undefined {
  if (type === undefined) return undefined;
  if (!(EVENT_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type expects one of ${EVENT_TYPES.join(', ')}, got "${type}"`);
  return type as EventType;
}
