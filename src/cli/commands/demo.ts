import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { commandLogger, print, type GlobalOptions } from '../context.js';
import { terminalText } from '../format.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('serve the bundled replica bureau site on loopback, crawl it into storage/demo.db, print a summary')
    .action(async (_options: unknown, command: Command) => {
      // The demo brings its own config (storage/demo.yaml): a --config would be silently ignored.
      if (command.optsWithGlobals<GlobalOptions>().config !== undefined) {
        throw new UsageError('demo takes no --config: it crawls the bundled site into storage/demo.db and writes storage/demo.yaml for the other commands');
      }
      // The demo is for people: only warnings reach stderr unless asked otherwise.
      const log = commandLogger(command, 'warn');
      const context = { stdout: process.stdout };
      print(context, 'Crawling the bundled replica bureau site (no network needed)…');
      // Loaded on use: the crawler's dependencies take a while to import, and the other commands do not need them.
      const { runDemo } = await import('../../demo/run-demo.js');
      const { demoSummary } = await import('../../demo/demo-summary.js');
      const result = await runDemo(log);
      try {
        for (const line of demoSummary(result)) print(context, terminalText(line));
      } finally {
        result.db.close();
      }
    });
}
