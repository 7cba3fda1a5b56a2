import type { Command } from 'commander';
import { FatalError } from '../../errors.js';
import { formatAccessFailures } from '../../fetch/failure-tally.js';
import { withRunLock } from '../../lock/with-run-lock.js';
import { foregroundRun } from '../../progress/foreground.js';
import { checkRunHealth } from '../../stats/health.js';
import { formatCountsTable } from '../format.js';
import { collect, commandContext, openArchive, print } from '../context.js';

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('one pass over the sources: store new versions, record events, deliver them, exit')
    .option('--source <id>', 'crawl only this source (repeatable)', collect, [])
    .action(async (options: { source: string[] }, command: Command) => {
      const context = commandContext(command);
      // Loaded on use: the crawler's dependencies are heavy and other commands do not need them.
      const { runCrawl, selectSources } = await import('../../crawl/run-crawl.js');
      const sources = selectSources(context.config, options.source);
      if (sources.length === 0) {
        context.log.warn({ config: context.configPath }, 'no sources configured: nothing to crawl');
        print(context, `No sources configured in ${context.configPath}: add one under "sources:" (see config/example.yaml).`);
        return;
      }
      const db = openArchive(context.config);
      const run = foregroundRun(context.config, context.log);
      try {
        // Exit 3 (LockedError) when another crawl or the schedule daemon works on this database.
        await withRunLock(db, context.config.database, 'crawl', context.log, async () => {
          try {
            const summary = await runCrawl(db, context.config, sources, context.log, run.options);
            print(context, formatCountsTable(summary.sources));
            if (Object.keys(summary.accessFailures).length > 0) print(context, formatAccessFailures(summary.accessFailures));
            checkRunHealth(db, context.log, summary.runId, sources.map((source) => source.id));
          } finally {
            // Events this run committed (even if it failed later) go out now; a sink that is down keeps them pending.
            await (await import('../../events/delivery.js')).deliverAfterRun(db, context.config, context.log);
          }
        });
        const signal = run.interrupted();
        if (signal) throw new FatalError(`crawl interrupted by ${signal}: the pages fetched until then are stored`);
      } finally {
        run.dispose();
        db.close();
      }
    });
}
