/**
 * Opening the archive to read it only (search, show, history, diff, export, stats, events, serve):
 * never created, never migrated, never written, and readable by a user who may not write it.
 *
 * What SQLite's WAL mode needs from a reader (docs/schema.md, "Reading without write access"):
 * - While a writer has the database open, `x.db-wal` and `x.db-shm` exist beside it. A reader that
 *   cannot write them still reads (SQLite ≥ 3.22 then keeps the -shm index in its own memory).
 * - When no writer has it open, they do not exist, and a read-only connection creates both, owned
 *   by the reading user, and leaves them behind: a crawl running as another user can then not write
 *   them. In a folder the reader cannot write, the connection fails ("attempt to write a readonly
 *   database").
 * The usual remedy, a `file:x.db?immutable=1` URI, is not available: better-sqlite3 is built with
 * SQLITE_USE_URI=0. So in those two cases the reader reads a private copy of the file instead (made
 * in the temp folder, removed on close): a snapshot, consistent because with no -wal file every
 * committed page is in the main file, and a crawl starting meanwhile writes to a new -wal first.
 * A reader who owns the file (or root, for whom SQLite gives the files to the file's owner) opens it
 * in place.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { UsageError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { registerSqlFunctions } from './sql-functions.js';

export interface ReadOnlyOptions {
  /** Told when the archive is read from a private copy. @default silent */
  log?: Logger;
}

/** Errors of an in-place read that a private copy avoids: SQLite could not create the -shm/-wal files. */
const NEEDS_SHARED_FILES = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_RECOVERY', 'SQLITE_CANTOPEN']);

/** Opens the archive at `path` for reading; every problem is a UsageError (exit 2) naming the path. */
export function openDatabaseReadOnly(path: string, options: ReadOnlyOptions = {}): Db {
  assertArchiveFile(path);
  const db = wouldLeaveForeignFiles(path) ? openPrivateCopy(path, options, 'no crawl has it open and this user does not own it') : openInPlace(path, options);
  try {
    assertCurrentSchema(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `use` on the archive opened for reading, and closes it afterwards whatever happens. */
export async function withDatabaseReadOnly<T>(path: string, use: (db: Db) => T | Promise<T>, options: ReadOnlyOptions = {}): Promise<T> {
  const db = openDatabaseReadOnly(path, options);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** The archive file exists and is readable: else a UsageError naming the path (a writer that must not create it uses this too). */
export function assertArchiveFile(path: string): void {
  if (!existsSync(path)) {
    throw new UsageError(
      `no archive at ${resolve(path)}: run \`bureau-watch crawl\` first, or pass --config with the config that names the archive's \`database\``,
    );
  }
  if (statSync(path).isDirectory()) throw new UsageError(`database ${path} is a folder, not an archive file`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new UsageError(`cannot read the archive ${path}: permission denied`);
  }
}

/** SQLite would create -wal/-shm files owned by this user, whom a crawl running as the owner could not use. */
function wouldLeaveForeignFiles(path: string): boolean {
  const euid = process.geteuid?.();
  if (euid === undefined || euid === 0 || statSync(path).uid === euid) return false;
  return !existsSync(`${path}-wal`) && !existsSync(`${path}-shm`);
}

function openInPlace(path: string, options: ReadOnlyOptions): Db {
  let db: Db | undefined;
  try {
    db = connect(path);
    // Opening reads nothing: the first read is where SQLite needs (and may fail to make) the -shm file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    options.log?.debug({ database: path }, 'archive opened read-only, in place');
    return db;
  } catch (error) {
    db?.close();
    if (NEEDS_SHARED_FILES.has((error as { code?: string }).code ?? '')) {
      return openPrivateCopy(path, options, `SQLite cannot create ${basename(path)}-shm in ${dirname(resolve(path))}`);
    }
    throw new UsageError(`cannot read the archive ${path}: ${errorMessage(error)}`);
  }
}

function connect(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  registerSqlFunctions(db);
  return db;
}

/** Private copies still open: removed at exit if a caller forgot to close them. */
const openCopies = new Set<string>();
process.once('exit', () => {
  for (const folder of openCopies) rmSync(folder, { recursive: true, force: true });
});

function openPrivateCopy(path: string, options: ReadOnlyOptions, why: string): Db {
  const folder = mkdtempSync(join(tmpdir(), 'bureau-watch-read-'));
  openCopies.add(folder);
  const remove = () => {
    rmSync(folder, { recursive: true, force: true });
    openCopies.delete(folder);
  };
  try {
    const copy = join(folder, 'archive.db');
    copyStable(path, copy);
    options.log?.info(
      { database: path, bytes: statSync(copy).size },
      `reading a private copy of the archive (${why}): a crawl that finishes meanwhile is not seen`,
    );
    const db = connect(copy);
    const close = db.close.bind(db);
    db.close = () => {
      try {
        return close();
      } finally {
        remove();
      }
    };
    return db;
  } catch (error) {
    remove();
    throw error instanceof UsageError ? error : new UsageError(`cannot read the archive ${path} through a private copy in ${tmpdir()}: ${errorMessage(error)}`);
  }
}

/** Copies the file (and a -wal a crashed writer left), again if a checkpoint changed it meanwhile. */
function copyStable(path: string, copy: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = fingerprint(path);
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    if (fingerprint(path) === before) return;
  }
  throw new UsageError(`cannot read the archive ${path}: it kept changing while it was copied; try again`);
}

function fingerprint(path: string): string {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** The archive's schema is the one this program reads: a newer or older one is named with what to do. */
function assertCurrentSchema(db: Db, path: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) throw new UsageError(`${path} is not a bureau-watch archive (it has no schema_migrations table)`);
  const version = (db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  const known = Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
  if (version > known) {
    throw new UsageError(`the archive ${path} has schema version ${version}, newer than this bureau-watch reads (${known}): upgrade bureau-watch`);
  }
  if (version < known) {
    throw new UsageError(
      `the archive ${path} has schema version ${version}, older than this bureau-watch's (${known}): run \`bureau-watch crawl\` once to upgrade it (read commands never change the archive)`,
    );
  }
}
