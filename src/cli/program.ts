import { Command } from 'commander';
import { registerCrawl } from './commands/crawl.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerDeliver } from './commands/deliver.js';
import { registerDiff } from './commands/diff.js';
import { registerEvents } from './commands/events.js';
import { registerHistory } from './commands/history.js';

/** Each command lives in its own module under commands/ and registers itself here. */
const COMMANDS: ((program: Command) => void)[] = [registerCrawl, registerExport, registerDemo, registerHistory, registerDiff, registerEvents, registerDeliver];

export function buildProgram(): Command {
  const program = new Command('bureau-watch')
    .description('Versioned archive and change alerts for Chinese government information-disclosure pages')
    .version('0.1.0')
    .option('--config <file>', 'config file (YAML or JSON); default $BUREAU_WATCH_CONFIG or config/sources.yaml')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}
