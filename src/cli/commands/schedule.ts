import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { warnAboutWebhooks } from '../../events/sinks/webhook-warnings.js';
import { commandContext } from '../context.js';

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'long-running: each source on its own cron `schedule` (with jitter), events delivered continuously; SIGTERM/SIGINT finish the page in hand and exit 0',
    )
    .option('--run-now', 'also start a pass of every source right away')
    .action(async (options: { runNow?: boolean }, command: Command) => {
      const context = commandContext(command);
      warnAboutWebhooks(context.config.sinks, context.log);
      if (context.config.sources.length === 0) {
        throw new UsageError(`no sources configured in ${context.configPath}: add one under "sources:" (see config/example.yaml)`);
      }
      // Loaded on use: the crawler's dependencies take a while to import, and the other commands do not need them.
      const { runDaemon } = await import('../../schedule/daemon.js');
      await runDaemon(context.config, context.log, { runNow: options.runNow ?? false });
    });
}
