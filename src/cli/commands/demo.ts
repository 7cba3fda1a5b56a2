import type { Command } from 'commander';
import { createLogger } from '../../log.js';
import { print } from '../context.js';
import { terminalText } from '../format.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('serve the bundled replica bureau site on loopback, crawl it into storage/demo.db, print a summary')
    .action(async () => {
      // The demo is for people: only warnings reach stderr unless asked otherwise.
      const log = createLogger(process.env.BUREAU_WATCH_LOG_LEVEL ?? 'warn');
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
