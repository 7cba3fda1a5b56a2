import { Command } from 'commander';
import { registerCrawl } from './commands/crawl.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerDeliver } from './commands/deliver.js';
import { registerDiff } from './commands/diff.js';
import { registerEvents } from './commands/events.js';
import { registerHistory } from './commands/history.js';
import { registerSchedule } from './commands/schedule.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerTry } from './commands/try.js';
import { VERSION } from '../version.js';

/** Each command lives in its own module under commands/ and registers itself here. */
const COMMANDS: ((program: Command) => void)[] = [registerCrawl, registerExport, registerDemo, registerHistory, registerDiff, registerEvents, registerDeliver,
  registerSearch, registerShow, registerStats, registerSchedule, registerServe, registerTry];

const CONFIG_HELP = 'config file (YAML or JSON); default $BUREAU_WATCH_CONFIG or config/sources.yaml';

export function buildProgram(): Command {
  const program = new Command('bureau-watch')
    .description('Versioned archive and change alerts for Chinese government information-disclosure pages')
    .version(VERSION)
    .option('--config <file>', CONFIG_HELP)
    .showHelpAfterError('(run with --help for usage)')
    // Program options only before the command name, so `show ID --version N` reaches `show`, not the
    // program's own --version. --config is then declared on every command too (accepted before or after).
    .enablePositionalOptions()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const command of program.commands) command.option('--config <file>', CONFIG_HELP).exitOverride();
  return program;
}
