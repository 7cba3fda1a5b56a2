/**
 * The command line: global options, then each command from its own module under commands/. A command's
 * module (and what it imports: the store, the config schema, the crawler…) is loaded only when that
 * command runs, or every one for the program's own help and unknown names. Loading all of them cost
 * start-up time in every process (figures: README, Development).
 */
import { Command } from 'commander';
import { VERSION } from '../version.js';

type Register = (program: Command) => void;

/** Every command by name, in the order of the help, and how to load the module that registers it. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  crawl: async () => (await import('./commands/crawl.js')).registerCrawl,
  export: async () => (await import('./commands/export.js')).registerExport,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  history: async () => (await import('./commands/history.js')).registerHistory,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  events: async () => (await import('./commands/events.js')).registerEvents,
  deliver: async () => (await import('./commands/deliver.js')).registerDeliver,
  search: async () => (await import('./commands/search.js')).registerSearch,
  show: async () => (await import('./commands/show.js')).registerShow,
  stats: async () => (await import('./commands/stats.js')).registerStats,
  schedule: async () => (await import('./commands/schedule.js')).registerSchedule,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  try: async () => (await import('./commands/try.js')).registerTry,
};

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

/** Program options that take a value: `--config <file>` (or `--config=<file>`). */
const VALUE_OPTIONS = new Set(GLOBAL_OPTIONS.filter(([flags]) => flags.includes('<')).map(([flags]) => flags.split(' ')[0]));

/**
 * The program for `args` (the arguments after the script): with the command they name, or with every
 * command when they name none or an unknown one (commander then prints the full help or suggests a name),
 * with none for `--version` alone.
 */
export async function buildProgram(args: string[] = []): Promise<Command> {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return programWith([]);
  const name = commandName(args);
  const loaders = name !== undefined && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]!] : Object.values(COMMANDS);
  return programWith(await Promise.all(loaders.map((load) => load())));
}

/** The first argument that is not a program option or its value: the command, as commander finds it. */
export function commandName(args: string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (VALUE_OPTIONS.has(arg)) index++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function programWith(commands: Register[]): Command {
  const program = new Command('bureau-watch')
    .description('Versioned archive and change alerts for Chinese government information-disclosure pages')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    // Program options only before the command name, so `show ID --version N` reaches `show`, not the
    // program's own --version. The global options are then declared on every command too (accepted before or after).
    .enablePositionalOptions()
    .exitOverride();
  for (const [flags, help] of GLOBAL_OPTIONS) program.option(flags, help);
  for (const register of commands) register(program);
  for (const command of program.commands) {
    for (const [flags, help] of GLOBAL_OPTIONS) command.option(flags, help);
    command.exitOverride();
  }
  return program;
}
