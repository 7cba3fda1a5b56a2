/**
 * The one way tests run the real CLI: `node dist/cli/main.js` as a child process (the process
 * project's global setup builds dist once; tests/helpers/build-dist.ts). `runCli` waits for the exit;
 * `startCli` hands back the running process to signal, watch and wait for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_ENTRY = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** @default the repository root */
  cwd?: string;
  /** Run as this user (the test process must be root), e.g. `nobody` to read without write access. @default this process's */
  user?: { uid: number; gid: number };
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. @default nothing */
  input?: string;
  /**
   * RLIMIT_FSIZE of the child in 512-byte blocks (`ulimit -f`): a write past it fails with EFBIG
   * (Node ignores SIGXFSZ). @default no limit
   */
  fileSizeLimitBlocks?: number;
}

/** The CLI as a running child process. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches (a log line the test waits for); a function sees all of stderr. */
  waitForStderr(pattern: RegExp | ((stderr: string) => boolean)): Promise<void>;
  /** Resolves at exit with everything the process wrote. */
  done: Promise<CliResult>;
}

export function startCli(args: string[], options: CliOptions = {}): CliProcess {
  const command = [process.execPath, CLI_ENTRY, ...args];
  const limited = options.fileSizeLimitBlocks === undefined ? command : ['sh', '-c', `ulimit -f ${options.fileSizeLimitBlocks} && exec "$@"`, 'sh', ...command];
  const child = spawn(limited[0]!, limited.slice(1), {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options.user,
  });
  let stdout = '';
  let stderr = '';
  const watchers: { matches: (text: string) => boolean; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const watcher of watchers.filter((w) => w.matches(stderr))) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
  });
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
        if (matches(stderr)) return resolve();
        watchers.push({ matches, resolve });
        void done.then(() => reject(new Error(`process exited before stderr matched ${String(pattern)}:\n${stderr}`)));
      }),
    done,
  };
}

/** Runs the CLI to its exit. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Parses JSON-lines log output (stderr), skipping non-JSON lines. */
export function parseLogLines(stderr: string): Record<string, unknown>[] {
  return stderr.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** Polls until `check` holds, or fails after `limitMs` (a guard, not a timing assertion). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
