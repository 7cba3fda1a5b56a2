import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp.js';
import { startCli, waitFor, writeSourceConfig } from './helpers/cli-process.js';
import { archiveIsConsistent } from './helpers/crawl.js';
import { html, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { docPath, documentPage, listPage } from './helpers/pages.js';

/** `kill -9` in the middle of a crawl, then the next run; and two runs on one database at once. */
const DOCUMENTS = 24;
let server: FaultServer;
afterEach(async () => {
  await server?.close();
});

/**
 * A site whose documents answer slowly while `slow.on` is set, so a crawl can be caught mid-way,
 * and not at all while `slow.hold` is set.
 */
async function slowSite(slow: { on: boolean; hold?: boolean }): Promise<FaultServer> {
  const site = await startFaultServer();
  const numbers = Array.from({ length: DOCUMENTS }, (_, i) => i + 1);
  site.route('/', html(listPage(numbers.map(docPath))));
  for (const n of numbers) {
    const page = html(documentPage(`第${n}号通知`, `标记${n}号`));
    site.route(docPath(n), async (req, res, hit) => {
      while (slow.hold) await new Promise((resolve) => setTimeout(resolve, 20));
      if (slow.on) await new Promise((resolve) => setTimeout(resolve, 150));
      await page(req, res, hit);
    });
  }
  return site;
}

const documentRequests = (site: FaultServer) => site.requests.filter((r) => r.path.startsWith('/art/')).length;

describe('kill -9 mid-crawl', () => {
  it('leaves a sound archive, and the next run completes it with each document and event exactly once', async () => {
    const slow = { on: true };
    server = await slowSite(slow);
    const dir = tempDir();
    const config = writeSourceConfig(dir, `${server.baseUrl}/`);
    const first = startCli(['crawl', '--config', config]);
    await waitFor(() => documentRequests(server) >= 8, 'the crawl to fetch 8 documents');
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const db = openDatabase(join(dir, 'archive.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(archiveIsConsistent(db)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
    const storedBeforeResume = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(storedBeforeResume).toBeLessThan(DOCUMENTS);
    db.close();

    slow.on = false;
    const second = await startCli(['crawl', '--config', config]).done;
    expect(second.code, second.stderr).toBe(0);

    const after = openDatabase(join(dir, 'archive.db'));
    expect(after.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(DOCUMENTS);
    expect(after.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(DOCUMENTS);
    expect(after.prepare("SELECT count(*) FROM events WHERE type = 'document.created'").pluck().get()).toBe(DOCUMENTS);
    expect(after.prepare('SELECT count(DISTINCT document_id) FROM events').pluck().get()).toBe(DOCUMENTS);
    expect(archiveIsConsistent(after)).toEqual({ orphans: 0, missingVersions: 0, missingBlobs: 0, missingCreated: 0 });
    const statuses = after.prepare('SELECT status FROM runs ORDER BY id').pluck().all();
    expect(statuses).toEqual(['interrupted', 'ok']);
    after.close();
  });
});

describe('two concurrent runs on one database', () => {
  it('lets one run and refuses the other with exit 3 and a message naming the holder', async () => {
    // The first run's document requests are held until the second run is over, however slow its start.
    const slow = { on: false, hold: true };
    server = await slowSite(slow);
    const dir = tempDir();
    const config = writeSourceConfig(dir, `${server.baseUrl}/`, [], [], 60);
    const first = startCli(['crawl', '--config', config]);
    await waitFor(() => documentRequests(server) >= 1, 'the first crawl to start fetching');
    const second = await startCli(['crawl', '--config', config]).done;
    slow.hold = false;
    const firstResult = await first.done;

    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/lock|another|running/i);
    expect(second.stderr).toMatch(new RegExp(`pid ${first.child.pid}|${first.child.pid}`));
    expect(second.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    const db = openDatabase(join(dir, 'archive.db'));
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(DOCUMENTS);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(DOCUMENTS);
    db.close();
  });
});
