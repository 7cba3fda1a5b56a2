#!/usr/bin/env node
import { CommanderError } from 'commander';
import { ExitCode, FatalError, errorMessage } from '../errors.js';
import { buildProgram } from './program.js';

/**
 * Entry point. Maps failures to the contract's exit codes (docs/contract.md; README "Exit codes" has the
 * table): 2 bad usage or config, 3 locked, 1 anything else. Messages go to stderr without a stack trace
 * (set BUREAU_WATCH_DEBUG=1 for one).
 */
async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv.slice(2))).parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message (or the help/version text).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (process.env.BUREAU_WATCH_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.stderr.write(`bureau-watch: ${errorMessage(error)}\n`);
  return error instanceof FatalError ? error.exitCode : ExitCode.failed;
}

// `bureau-watch export | head`: once the reader has gone, the rest of the output has nowhere to go.
// Stop quietly (exit 0, as `head` asked) instead of dying of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.ok);
  process.stderr.write(`bureau-watch: cannot write the output: ${error.message}\n`);
  process.exit(ExitCode.failed);
});

// Exit explicitly once stdout is flushed: timers of the crawler's internals must not keep a cron job alive.
void main(process.argv).then((code) => {
  process.stdout.write('', () => process.exit(code));
});
