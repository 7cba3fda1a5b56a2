import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../src/hash.js';
import { openDatabase } from '../../src/store/database.js';
import { documentIdFor } from '../../src/store/ids.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { REPO_ROOT } from '../child.js';
import { paragraph, seededRandom, title } from '../site/text.js';

/**
 * A store of `count` documents for the search benchmark, written straight into the tables (the
 * crawl's cost is measured elsewhere); the search indexes fill through their own triggers, as they
 * do in a crawl. Cached under bench/.cache, keyed by size and schema (its migrations), since building it
 * takes minutes.
 */
export function searchStorePath(count: number, say: (line: string) => void): string {
  // Keyed by what the migrations say, not only their number: a store built by an unreleased or
  // reverted migration of the same number must never be taken for the current schema.
  const schema = `${Math.max(...MIGRATIONS.map((m) => m.version))}-${sha256Hex(MIGRATIONS.map((m) => m.sql).join('\n')).slice(0, 12)}`;
  const dir = join(REPO_ROOT, 'bench', '.cache');
  const path = join(dir, `search-${count}-schema${schema}-text${TEXT_VERSION}.db`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  say(`building a ${count}-document search store (cached in bench/.cache for the next runs) …`);
  const started = Date.now();
  fill(building, count);
  say(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  renameSync(building, path);
  return path;
}

const SOURCES = ['bench-1', 'bench-2', 'bench-3', 'bench-4'];
/** Bumped when bench/site/text.ts changes what it generates, so a cached store is rebuilt. */
const TEXT_VERSION = 2;

function fill(path: string, count: number): void {
  const db = openDatabase(path);
  const now = '2024-07-01T00:00:00.000Z';
  const rawHash = sha256Hex('bench');
  db.prepare("INSERT INTO blobs (hash, compression, size, data) VALUES (?, 'none', 5, ?)").run(rawHash, Buffer.from('bench'));
  for (const id of SOURCES) {
    db.prepare('INSERT INTO sources (id, name, start_urls, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, id, '[]', now, now);
  }
  const insertDocument = db.prepare(`INSERT INTO documents (id, source_id, url, status, first_seen_at, last_changed_at, last_checked_at,
    current_version, content_hash, title_hash) VALUES (?, ?, ?, 'active', ?, ?, ?, 1, ?, ?)`);
  const insertVersion = db.prepare(`INSERT INTO versions (document_id, version, content_hash, title, published_date, fields, labels, text,
    attachments, provenance, fetched_at, http_status, response_headers, charset, charset_source, raw_hash)
    VALUES (?, 1, ?, ?, ?, ?, '{}', ?, '[]', '{}', ?, 200, '{}', 'utf-8', 'header', ?)`);
  const random = seededRandom(42);
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    db.transaction(() => {
      for (let n = start; n < Math.min(count, start + batch); n++) {
        const source = SOURCES[n % SOURCES.length] as string;
        const url = `http://bench-${n % SOURCES.length}.example/art/${n}.html`;
        const id = documentIdFor(url);
        const day = new Date(Date.UTC(2024, 5, 30) - (n % 3650) * 86_400_000).toISOString().slice(0, 10);
        const text = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => paragraph(random, i)).join('\n');
        const docTitle = title(random, Number(day.slice(0, 4)), n);
        const hash = sha256Hex(text);
        insertDocument.run(id, source, url, now, now, now, hash, sha256Hex(docTitle));
        insertVersion.run(id, hash, docTitle, day, JSON.stringify({ publishedDate: day, publisher: source }), text, now, rawHash);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
