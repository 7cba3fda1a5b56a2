import type { Command } from 'commander';
import { FatalError, UsageError } from '../../errors.js';
import { selectSources } from '../../crawl/select-sources.js';
import { runFailure, outcomeLines } from '../../crawl/source-outcome.js';
import { deliverAfterRun, formatPendingDeliveries } from '../../events/delivery.js';
import { warnAboutWebhooks } from '../../events/sinks/webhook-warnings.js';
import { formatAccessFailures } from '../../fetch/failure-tally.js';
import { withRunLock } from '../../lock/with-run-lock.js';
import { checkRunHealth } from '../../stats/health.js';
import { collect, commandContext, openArchive, print } from '../context.js';
import { foregroundRun } from '../foreground.js';
import { formatCountsTable, terminalText } from '../format.js';

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('one pass over the sources: store new versions, record events, deliver them, exit')
    .option('--source <id>', 'crawl only this source (repeatable)', collect, [])
    .action(async (options: { source: string[] }, command: Command) => {
      const context = commandContext(command);
      warnAboutWebhooks(context.config.sinks, context.log);
      const sources = selectSources(context.config, options.source);
      // Exit 2 like `schedule`: a cron job crawling nothing must not look like one that worked.
      if (sources.length === 0) throw new UsageError(`no sources configured in ${context.configPath}: add one under "sources:" (see config/example.yaml)`);
      const db = openArchive(context.config);
      const run = foregroundRun(context.config, context.log);
      try {
        // Exit 3 (LockedError) when another crawl or the schedule daemon works on this database.
        const failure = await withRunLock(
          db,
          context.config.database,
          'crawl',
          context.log,
          async (lock) => {
            let failed: string | null = null;
            try {
              // Loaded on use, once the lock is held: the crawler's dependencies take a while to
              // import, and the other commands (or a crawl that finds the database locked) do not need them.
              const { runCrawl } = await import('../../crawl/run-crawl.js');
              const summary = await runCrawl(db, context.config, sources, context.log, { ...run.options, lock });
              print(context, formatCountsTable(summary.sources));
              if (Object.keys(summary.accessFailures).length > 0) print(context, formatAccessFailures(summary.accessFailures));
              for (const line of outcomeLines(summary.outcomes)) print(context, terminalText(line));
              checkRunHealth(
                db,
                context.log,
                summary.runId,
                sources.map((source) => source.id),
                context.config.alerts,
              );
              failed = runFailure(summary.outcomes, summary.sources);
            } finally {
              // Events this run committed (even if it failed later) go out now, within delivery.afterCrawlSecs;
              // a sink that is down keeps them pending.
              const reports = await deliverAfterRun(db, context.config, context.log);
              for (const line of formatPendingDeliveries(reports)) print(context, terminalText(`events pending: ${line}`));
            }
            return failed;
          },
          context.config.lock,
        );
        const signal = run.interrupted();
        if (signal) throw new FatalError(`crawl interrupted by ${signal}: the pages fetched until then are stored`);
        if (failure) throw new FatalError(failure);
      } finally {
        run.dispose();
        db.close();
      }
    });
}
