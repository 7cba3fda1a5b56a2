import type { Command } from 'commander';
import { FatalError } from '../../errors.js';
import { deliverPending } from '../../events/delivery.js';
import { warnAboutWebhooks } from '../../events/sinks/webhook-warnings.js';
import { formatTable } from '../format.js';
import { commandContext, print, withExistingArchive } from '../context.js';

export function registerDeliver(program: Command): void {
  program
    .command('deliver')
    .description('deliver pending events to every sink now (what `crawl` does at its end); exit 1 if a sink could not take them all')
    .action(async (_options: unknown, command: Command) => {
      const context = commandContext(command);
      warnAboutWebhooks(context.config.sinks, context.log);
      if (context.config.sinks.length === 0) {
        context.log.warn('no sinks configured: nothing to deliver to (see `sinks` in the config)');
        return;
      }
      await withExistingArchive(context.config, async (db) => {
        const reports = await deliverPending(db, context.config.sinks, { log: context.log, userAgent: context.config.userAgent });
        // A stdout sink owns stdout: the summary then goes to the log only, so a pipe reads events alone.
        if (!context.config.sinks.some((sink) => sink.type === 'stdout')) {
          print(
            context,
            formatTable(
              ['sink', 'delivered', 'pending', 'status'],
              reports.map((report) => [report.label, String(report.delivered), String(report.pending), report.error ?? 'ok']),
            ),
          );
        }
        const failed = reports.filter((report) => report.error !== null);
        if (failed.length > 0) {
          throw new FatalError(
            `${failed.length} sink(s) could not take every event; they stay pending for the next delivery: ${failed.map((report) => report.label).join(', ')}`,
          );
        }
      });
    });
}
