import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJsonl } from '../../src/export/jsonl.js';
import { resolveDocument } from '../../src/search/resolve-document.js';
import { searchDocuments } from '../../src/search/search.js';
import { faultHarness } from '../helpers/crawl.js';
import { html, startTestSite, type TestSite } from '../helpers/site.js';
import { disclosurePage, linkItems, listPage } from '../helpers/pages.js';

/**
 * SQL is always parameterized: hostile text from pages, URLs, config and queries goes through a
 * crawl, search, show and export, and none of it ever appears inside an SQL statement's text (it
 * can only arrive as a bound value). Every statement prepared or executed is recorded to check.
 */
const MARK = 'ZQXJ';
const HOSTILE = `${MARK}'); DROP TABLE documents; --"${MARK}`;

let server: TestSite;
const seen: string[] = [];
const prototype = Database.prototype as unknown as { prepare: (sql: string) => unknown; exec: (sql: string) => unknown };
const originalPrepare = prototype.prepare;
const originalExec = prototype.exec;

afterEach(async () => {
  prototype.prepare = originalPrepare;
  prototype.exec = originalExec;
  await server?.close();
});

function recordStatements(): void {
  seen.length = 0;
  prototype.prepare = function (this: unknown, sql: string) {
    seen.push(sql);
    return originalPrepare.call(this, sql);
  };
  prototype.exec = function (this: unknown, sql: string) {
    seen.push(sql);
    return originalExec.call(this, sql);
  };
}

describe('SQL is parameterized', () => {
  it('never puts page, URL, config or query text into SQL statements', async () => {
    server = await startTestSite();
    const hostilePath = `/art/2024/3/8/art_1001_1'${MARK}.html`;
    server.route('/', html(listPage(linkItems([hostilePath]))));
    server.route(hostilePath, html(disclosurePage(`通知${HOSTILE}`, `正文${HOSTILE}`)));
    recordStatements();
    const archive = faultHarness({ startUrls: [`${server.baseUrl}/`], source: { name: `教育局${HOSTILE}` } });
    const { summary } = await archive.crawl();
    expect(summary.sources['fault-src']!.created).toBe(1);

    const hits = searchDocuments(archive.db, HOSTILE, { limit: 5, sources: [`fault-src${HOSTILE}`] });
    const found = searchDocuments(archive.db, `正文${MARK}'`, { limit: 5 });
    for (const query of [`"${MARK}`, `${MARK} OR *`, `NEAR(${MARK}`, `'${MARK}`, `${MARK}\\`]) searchDocuments(archive.db, query, { limit: 5 });
    const url = `${server.baseUrl}${hostilePath}`;
    const resolved = resolveDocument(archive.db, url);
    expect(() => resolveDocument(archive.db, `${url}${HOSTILE}`)).toThrow(/no document/);
    const out = new PassThrough();
    let exported = '';
    out.on('data', (chunk: Buffer) => (exported += chunk.toString('utf8')));
    await exportJsonl(archive.db, out, 'fault-src');

    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((sql) => sql.includes(MARK))).toEqual([]);
    // The hostile text itself was stored, found and exported intact.
    expect(hits).toEqual([]);
    expect(found.map((hit) => hit.record.url)).toEqual([url]);
    expect(resolved.url).toBe(url);
    expect(JSON.parse(exported.trim()).text).toContain(`正文${HOSTILE}`);
    expect(archive.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
  });
});
