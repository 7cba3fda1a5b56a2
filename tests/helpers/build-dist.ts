/**
 * Global setup of the `process` test project: builds dist (what `npx bureau-watch` runs) once before
 * any child process starts, unless it is already newer than every source file. Child processes run
 * the compiled CLI: starting it through tsx cost ~1 s more per process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

const STAMP = join(REPO_ROOT, 'dist', '.test-build-stamp');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export default function buildDist(): void {
  if (isFresh()) return;
  execFileSync(process.execPath, [TSC, '-p', join(REPO_ROOT, 'tsconfig.json')], { cwd: REPO_ROOT, stdio: 'inherit' });
  writeFileSync(STAMP, new Date().toISOString());
}

/** dist was built (by this setup) after the last change to the sources and the compiler settings. */
function isFresh(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) return false;
  const built = statSync(STAMP).mtimeMs;
  const inputs = [join(REPO_ROOT, 'tsconfig.json'), ...sourceFiles(join(REPO_ROOT, 'src'))];
  return inputs.every((file) => statSync(file).mtimeMs <= built);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
