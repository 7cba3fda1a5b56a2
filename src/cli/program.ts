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
const COMMANDS: ((program: Command) => void)[] = [
  registerCrawl,
  registerExport,
  registerDemo,
  registerHistory,
  registerDiff,
  registerEvents,
  registerDeliver,
  registerSearch,
  registerShow,
  registerStats,
  registerSchedule,
  registerServe,
  registerTry,
];

const CONFIG_HELP = 'config file (YAML or JSON); default $BUREAU_WATCH_CONFIG or config/sources.yaml';

/** Options every command takes, before or after its name: [flags, help]. */
const GLOBAL_OPTIONS: [string, string][] = [
  ['--config <file>', CONFIG_HELP],
  [
    '--log-format <format>',
    'logs on stderr: json (JSON lines) or pretty (one readable line each); default $BUREAU_WATCH_LOG_FORMAT, else pretty on a terminal and json otherwise',
  ],
  ['--quiet', 'log warnings and errors only'],
  ['--verbose', 'log debug lines too'],
];

export function buildProgram(): Command {
  const program = new Command('bureau-watch')
    .description('Versioned archive and change alerts for Chinese government information-disclosure pages')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    // Program options only before the command name, so `show ID --version N` reaches `show`, not the
    // program's own --version. The global options are then declared on every command too (accepted before or after).
    .enablePositionalOptions()
    .exitOverride();
  for (const [flags, help] of GLOBAL_OPTIONS) program.option(flags, help);
  for (const register of COMMANDS) register(program);
  for (const command of program.commands) {
    for (const [flags, help] of GLOBAL_OPTIONS) command.option(flags, help);
    command.exitOverride();
  }
  return program;
}
