/**
 * The CLI run inside the test process (src/cli/run.ts, the code main.ts runs), for cases that need no
 * process of their own: argument and config checks, output formats, exit codes of read commands. A
 * child process costs ~0.35 s of CPU to start; this costs milliseconds. What only a real process shows
 * (signals, exit on a closed pipe, another user, the compiled dist, log lines) stays with `runCli`, and
 * every command and exit code keeps at least one child-process test there.
 *
 * stdout and stderr are swapped for collectors while a run lasts, so runs go one at a time (the helper
 * queues them). Log lines are not collected (the logger writes to file descriptor 2 itself): runs are
 * silent unless `env` sets BUREAU_WATCH_LOG_LEVEL; a test of what is logged uses `runCli`.
 */
import { Writable } from 'node:stream';
import { runProgram } from '../../src/cli/run.js';
import type { CliResult } from './cli.js';

export interface InProcessOptions {
  /** Set on process.env for the run (undefined unsets), then restored. */
  env?: NodeJS.ProcessEnv;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `bureau-watch ARGS` in this process; the result has the shape of runCli's (signal always null). */
export function runCliInProcess(args: string[], options: InProcessOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runCaptured(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runCaptured(args: string[], options: InProcessOptions): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const restoreStreams = [swapStream('stdout', stdout.stream), swapStream('stderr', stderr.stream)];
  const restoreEnv = setEnv({ BUREAU_WATCH_LOG_LEVEL: 'silent', ...options.env });
  try {
    const code = await runProgram([process.execPath, 'bureau-watch', ...args]);
    return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    restoreEnv();
    for (const restore of restoreStreams) restore();
  }
}

/** A writable stream keeping what it was given, as text (no TTY, as a pipe to a child process). */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function swapStream(name: 'stdout' | 'stderr', stream: Writable): () => void {
  const original = Object.getOwnPropertyDescriptor(process, name)!;
  Object.defineProperty(process, name, { value: stream, configurable: true, enumerable: original.enumerable });
  return () => Object.defineProperty(process, name, original);
}

function setEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: NodeJS.ProcessEnv) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  return () => apply(saved);
}
