/**
 * Global setup of the `process` test project: builds dist (what `npx bureau-watch` runs) once before
 * any child process starts, unless every source file's compiled file is already newer than it (as
 * after `npm ci`, whose prepare script builds dist, or `npm run build`). Child processes run the
 * compiled CLI: starting it through tsx cost ~1 s more per process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './cli.js';

const STAMP = join(REPO_ROOT, 'dist', '.test-build-stamp');

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export default function buildDist(): void {
  if (isFresh()) return;
  execFileSync(process.execPath, [TSC, '-p', join(REPO_ROOT, 'tsconfig.json')], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'executable-bin.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  // tsc builds incrementally and leaves a compiled file alone when its source only looks newer.
  writeFileSync(STAMP, new Date().toISOString());
}

/** Every source file was compiled (its compiled file, or this setup's last build) after it and after the compiler settings changed. */
function isFresh(): boolean {
  const settings = statSync(join(REPO_ROOT, 'tsconfig.json')).mtimeMs;
  const lastBuild = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  return sourceFiles(join(REPO_ROOT, 'src')).every((source) => {
    const compiled = join(REPO_ROOT, 'dist', relative(join(REPO_ROOT, 'src'), source).replace(/\.ts$/, '.js'));
    if (!existsSync(compiled)) return false;
    const built = Math.max(statSync(compiled).mtimeMs, lastBuild);
    return built >= statSync(source).mtimeMs && built >= settings;
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // A declaration file (.d.ts) compiles to nothing.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
