/**
 * `node --import tsx bench/write-path.ts [documents]`: the archive's write path alone (what the
 * crawl's WriteQueue flushes: versions, blobs, duplicate index, events, search-index triggers), per
 * document, on the benchmark site's pages; once as is and once without the search-index trigger,
 * in alternation, so a loaded machine skews both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processPage } from '../src/crawl/process-page.js';
import type { FetchedResponse } from '../src/fetch/types.js';
import { Archive } from '../src/archive/archive.js';
import { outboxRecorder } from '../src/events/outbox.js';
import { openDatabase } from '../src/store/database.js';
import type { DocumentSnapshot } from '../src/archive/snapshot.js';
import { startRun } from '../src/store/runs.js';
import { WriteQueue } from '../src/store/write-queue.js';
import { buildBenchSite } from './site/build.js';

const documents = Number(process.argv[2] ?? 600);
const ROUNDS = 2;

async function snapshotsOfBenchSite(): Promise<DocumentSnapshot[]> {
  const site = await buildBenchSite({ hosts: 2, documentsPerHost: Math.ceil(documents / 2) });
  const snapshots: DocumentSnapshot[] = [];
  for (const [index, host] of site.hosts.entries()) {
    for (const [path, page] of host.pages) {
      if (!path.startsWith('/art/')) continue;
      const url = host.baseUrl + path;
      const response: FetchedResponse = {
        ok: true,
        request: { url, kind: 'document' },
        url,
        status: 200,
        headers: { 'content-type': 'text/html', etag: page.etag },
        body: page.body,
        fetchedAt: new Date().toISOString(),
      };
      const processed = processPage(response, `bench-${index + 1}`) as { snapshot?: DocumentSnapshot | null };
      if (processed.snapshot) snapshots.push(processed.snapshot);
    }
  }
  await site.close();
  return snapshots;
}

function msPerDocument(snapshots: DocumentSnapshot[], withSearchIndex: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'bw-write-path-'));
  const db = openDatabase(join(dir, 'archive.db'));
  if (!withSearchIndex) db.exec('DROP TRIGGER search_index_version');
  const archive = new Archive(db, { runId: startRun(db, ['bench-1', 'bench-2']), events: outboxRecorder(db) });
  for (const id of ['bench-1', 'bench-2']) archive.upsertSource({ id, name: id, startUrls: [] });
  const writes = new WriteQueue(db, { maxDelayMs: 3_600_000 });
  const started = process.hrtime.bigint();
  for (const snapshot of snapshots) writes.push(() => void archive.recordSnapshot(snapshot));
  writes.flush();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return elapsed / snapshots.length;
}

const snapshots = await snapshotsOfBenchSite();
const averageChars = snapshots.reduce((sum, s) => sum + s.document.text.length, 0) / snapshots.length;
process.stdout.write(`${snapshots.length} documents, ${averageChars.toFixed(0)} characters of text on average\n`);
for (let round = 1; round <= ROUNDS; round++) {
  const full = msPerDocument(snapshots, true);
  const bare = msPerDocument(snapshots, false);
  process.stdout.write(
    `round ${round}: ${full.toFixed(2)} ms per document as is, ${bare.toFixed(2)} ms without the search-index trigger (search indexing ${(((full - bare) / full) * 100).toFixed(0)}% of the write path)\n`,
  );
}
