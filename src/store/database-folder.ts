/**
 * The folder of a database a writer opens: created one level at a time, so every failure names the
 * folder and the reason. `mkdirSync(…, { recursive: true })` is not used: under /proc it loops
 * forever on ENOENT (`database: /proc/nope/x.db` spun a core at 100%), and its EEXIST/EACCES name
 * neither the key nor the path the user wrote.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Creates the missing folders above `path` (the `database:` of the config), or says why it cannot. */
export function ensureDatabaseFolder(path: string): void {
  if (path === ':memory:') return;
  const missing: string[] = [];
  let folder = dirname(resolve(path));
  while (!existsSync(folder)) {
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new UsageError(`invalid config: database: ${path}: ${folder} is a file, not a folder`);
  }
  for (const next of missing) createFolder(next, path);
  assertWritable(path);
}

function createFolder(folder: string, path: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(folder).isDirectory()) return; // another process made it meanwhile
    throw new UsageError(`invalid config: database: cannot create the folder ${folder} for ${path}: ${reason(code, error)}`);
  }
}

/**
 * A writer needs to write the file and its folder: a new file is created there, and an existing one
 * gets its -wal and -shm files beside it. (Read commands need neither: see read-only.ts.)
 */
function assertWritable(path: string): void {
  const folder = dirname(resolve(path));
  for (const [target, what] of [
    [folder, `the folder ${folder} of ${path}`],
    [path, path],
  ] as const) {
    if (target === path && !existsSync(path)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new UsageError(
        `invalid config: database: cannot write ${what}: ${reason((error as NodeJS.ErrnoException).code, error)} (read commands can still read an archive they cannot write)`,
      );
    }
  }
}

function reason(code: string | undefined, error: unknown): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOENT') return 'that location does not allow folders (ENOENT)';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  return (error as Error).message;
}
