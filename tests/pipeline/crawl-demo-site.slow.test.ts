import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { runCrawl } from '../../src/crawl/run-crawl.js';
import { demoSiteDir, startStaticSite, type StaticSite } from '../../src/demo/server.js';
import { createLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/database.js';
import { MONTH_BETWEEN_CRAWLS_MS } from '../helpers/crawl.js';
import { tempDir } from '../helpers/temp.js';
import { inProcessReader } from '../attachments/helpers/read.js';

// The notice's PDF and DOCX are read in this thread: workers started from sources through tsx take seconds each.
const reading = { attachmentReader: inProcessReader() };

interface ExpectedDocument {
  path: string;
  charset: string;
  title: string;
  publishedDate: string | null;
  fields: Record<string, string>;
  absentFields: string[];
  phrase: string;
  attachments: { path: string; name: string }[];
}
const expected = JSON.parse(readFileSync(new URL('../fixtures/demo-expected.json', import.meta.url), 'utf8')) as {
  startPaths: string[];
  documents: ExpectedDocument[];
};

const log = createLogger('silent');
let site: StaticSite;

beforeAll(async () => {
  site = await startStaticSite(demoSiteDir());
});
afterAll(async () => {
  await site.close();
});

function siteConfig(database: string) {
  return validateConfig({
    database,
    sources: [{ id: 'demo-edu', startUrls: expected.startPaths.map((path) => site.baseUrl + path), maxRequestsPerMinute: 6000, maxConcurrencyPerHost: 4 }],
  });
}

const countRows = (db: ReturnType<typeof openDatabase>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('crawl of a local replica bureau site', () => {
  it('stores every document with its title, date, fields, text and attachments', async () => {
    const db = openDatabase(join(tempDir(), 'archive.db'));
    const config = siteConfig(db.name);
    const summary = await runCrawl(db, config, config.sources, log, reading);
    expect(summary.sources['demo-edu']).toMatchObject({ created: expected.documents.length, errors: 0 });
    for (const doc of expected.documents) {
      const row = db.prepare(`SELECT v.*, d.status FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.url = ?`).get(site.baseUrl + doc.path) as
        { title: string; published_date: string | null; charset: string; text: string; fields: string; attachments: string } | undefined;
      expect(row, doc.path).toBeDefined();
      expect(row!.title, doc.path).toBe(doc.title);
      expect(row!.published_date, doc.path).toBe(doc.publishedDate);
      expect(row!.charset, doc.path).toBe(doc.charset === 'utf-8' ? 'utf-8' : 'gb18030');
      expect(row!.text, doc.path).toContain(doc.phrase);
      const fields = JSON.parse(row!.fields) as Record<string, string>;
      expect(fields, doc.path).toMatchObject(doc.fields);
      for (const absent of doc.absentFields) expect(fields, `${doc.path} ${absent}`).not.toHaveProperty(absent);
      const attachments = JSON.parse(row!.attachments) as { url: string }[];
      expect(attachments.map((a) => a.url).sort(), doc.path).toEqual(doc.attachments.map((a) => site.baseUrl + a.path).sort());
    }
    db.close();
  });

  it('re-crawls an unchanged site without a new version or a new blob', async () => {
    const db = openDatabase(join(tempDir(), 'archive.db'));
    const config = siteConfig(db.name);
    await runCrawl(db, config, config.sources, log, reading);
    const before = { versions: countRows(db, 'versions'), blobs: countRows(db, 'blobs'), events: countRows(db, 'events') };
    const requestsBefore = site.requests.length;
    // A month later: every document is due for its check.
    const second = await runCrawl(db, config, config.sources, log, { ...reading, now: new Date(Date.now() + MONTH_BETWEEN_CRAWLS_MS) });
    expect(second.sources['demo-edu']).toMatchObject({ created: 0, updated: 0, notModified: expected.documents.length });
    expect({ versions: countRows(db, 'versions'), blobs: countRows(db, 'blobs'), events: countRows(db, 'events') }).toEqual(before);
    // Pages only: the attachment files are asked for conditionally too (and answer 304 as well).
    const conditional = site.requests.slice(requestsBefore).filter((r) => r.status === 304 && !/\.(pdf|docx)$/.test(r.path));
    expect(conditional).toHaveLength(expected.documents.length);
    db.close();
  });
});
