import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../../helpers/cli.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI_ENTRY = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const TSX_LOADER = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** The real CLI as a child process the test can signal; `done` resolves with its output at exit. */
export interface CliProcess {
  child: ChildProcess;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI_ENTRY, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Writes a YAML config for one loopback source (plus extra top-level lines) and returns its path. */
export function writeSourceConfig(dir: string, startUrl: string, extraLines: string[] = [], sourceLines: string[] = [], timeoutSecs = 5): string {
  const path = join(dir, 'sources.yaml');
  writeFileSync(path, [
    `database: ${join(dir, 'archive.db')}`,
    `storageDir: ${join(dir, 'storage')}`,
    'fetch:',
    `  timeoutSecs: ${timeoutSecs}`,
    '  maxRetries: 1',
    ...extraLines,
    'sources:',
    '  - id: fault-src',
    `    startUrls: ["${startUrl}"]`,
    '    maxRequestsPerMinute: 60000',
    ...sourceLines,
    '',
  ].join('\n'));
  return path;
}

/** Polls until `check` holds, or fails after `limitMs` (a guard, not a timing assertion). */
export async function waitFor(check: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
