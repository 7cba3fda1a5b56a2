import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../helpers/cli.js';

const CLI_ENTRY = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

/** The real CLI as a child process the test can signal, watch and wait for. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches (a log line the test waits for); a function sees all of stderr. */
  waitForStderr(pattern: RegExp | ((stderr: string) => boolean)): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { matches: (text: string) => boolean; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const watcher of watchers.filter((w) => w.matches(stderr))) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (pattern) => new Promise<void>((resolve, reject) => {
      const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
      if (matches(stderr)) return resolve();
      watchers.push({ matches, resolve });
      void exited.then(() => reject(new Error(`process exited before stderr matched ${pattern}:\n${stderr}`)));
    }),
    exited,
  };
}
