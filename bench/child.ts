import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs one benchmark scenario in a fresh node process, measuring wall time, peak RSS and CPU. */
export interface ChildMeasure {
  wallSeconds: number;
  peakRssBytes: number;
  cpuSeconds: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX_LOADER = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const USAGE_REPORTER = new URL('./report-usage.ts', import.meta.url).href;

export interface ChildOptions {
  /** Script path relative to the repository root, and its arguments. */
  args: string[];
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Exit codes that count as a finished run (default: 0 only). */
  okExitCodes?: number[];
}

export async function runChild(options: ChildOptions): Promise<ChildMeasure> {
  const nodeArgs = [...(options.nodeFlags ?? []), '--import', TSX_LOADER, '--import', USAGE_REPORTER, ...options.args];
  return runMeasured(process.execPath, nodeArgs, options);
}

/**
 * Runs any program that writes its own usage (peak RSS, CPU) as JSON to $BENCH_REPORT at exit:
 * the Node scenarios through report-usage.ts, the Scrapy spider itself.
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: Omit<ChildOptions, 'args' | 'nodeFlags'> & { args?: string[] },
): Promise<ChildMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-report-'));
  const reportPath = join(dir, 'usage.json');
  const started = process.hrtime.bigint();
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, BUREAU_WATCH_LOG_LEVEL: 'warn', ...options.env, BENCH_REPORT: reportPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let usage = { peakRssBytes: 0, cpuSeconds: 0 };
  try {
    usage = JSON.parse(readFileSync(reportPath, 'utf8')) as typeof usage;
  } catch {
    // the child died before its exit hook: reported as a failure below
  }
  rmSync(dir, { recursive: true, force: true });
  if (!(options.okExitCodes ?? [0]).includes(result.code ?? -1)) {
    throw new Error(`benchmark child ${[command, ...args].join(' ')} exited with ${result.code}:\n${result.stderr.slice(-2000)}`);
  }
  return { wallSeconds, ...usage, exitCode: result.code, stdout: result.stdout, stderr: result.stderr };
}
