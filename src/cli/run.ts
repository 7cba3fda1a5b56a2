/**
 * One run of the command line, from the arguments to the exit code: the contract's table (docs/contract.md;
 * README "Exit codes"): 2 bad usage or config, 3 locked, 1 anything else. Messages go to stderr without a
 * stack trace (set BUREAU_WATCH_DEBUG=1 for one). main.ts runs it for the process; tests run it in process
 * too, for cases that need no process of their own (argument checks, output formats, config errors).
 */
import { CommanderError } from 'commander';
import { ExitCode, FatalError, errorMessage } from '../errors.js';
import { buildProgram } from './program.js';

/** Runs the program on `argv` (as process.argv: node, the script, then the arguments) and answers the exit code. */
export async function runProgram(argv: string[]): Promise<number> {
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
