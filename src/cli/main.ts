#!/usr/bin/env node
/** Entry point: runs the command line (run.ts) and exits with its code once stdout is flushed. */
import './heap-growth.js';
import { ExitCode } from '../errors.js';
import { runProgram } from './run.js';

// `bureau-watch export | head`: once the reader has gone, the rest of the output has nowhere to go.
// Stop quietly (exit 0, as `head` asked) instead of dying of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.ok);
  process.stderr.write(`bureau-watch: cannot write the output: ${error.message}\n`);
  process.exit(ExitCode.failed);
});

// Exit explicitly once stdout is flushed: timers of the crawler's internals must not keep a cron job alive.
void runProgram(process.argv).then((code) => {
  process.stdout.write('', () => process.exit(code));
});
