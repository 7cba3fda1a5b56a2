import Database from 'better-sqlite3';
import { FatalError, errorMessage } from '../errors.js';
import { ensureDatabaseFolder } from './database-folder.js';
import { MIGRATIONS } from './migrations/index.js';
import { registerSqlFunctions } from './sql-functions.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the archive database and brings its schema up to date.
 * WAL lets readers (sqlite3, Datasette, `search`) work while a crawl writes. synchronous=NORMAL is
 * explicit: in WAL mode it never corrupts the database and survives a killed process; only a power
 * loss can drop the last transactions, which the next crawl fetches again.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) ensureDatabaseFolder(path);
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new FatalError(`cannot open database ${path}: ${errorMessage(error)}`);
  }
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  registerSqlFunctions(db);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A first crawl writes tens of MB of text, blobs and index pages: a 64 MB page cache and a
    // checkpoint every 64 MB of WAL (instead of 2 MB and 4 MB) cut its write path by ~6%.
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 16384');
    migrate(db);
  } else {
    assertSchemaKnown(db, path);
  }
  return db;
}

/** Applies pending migrations in order, each in its own transaction, recording them in schema_migrations. */
export function migrate(db: Db): void {
  registerSqlFunctions(db); // migrations backfill through the same functions the triggers use
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new FatalError(`database schema version ${newest} is newer than this program knows (${known}): upgrade bureau-watch`);
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE, and checked again inside: two processes opening an old archive at once (a crawl and
    // a deliver) must not both apply a migration; the second waits for the lock and finds it done.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

function assertSchemaKnown(db: Db, path: string): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get();
  if (!exists) throw new FatalError(`${path} is not a bureau-watch database (no schema_migrations table)`);
}

/** Runs `use` on the opened archive and closes it afterwards, whatever happens. */
export async function withDatabase<T>(path: string, use: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(path);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}
