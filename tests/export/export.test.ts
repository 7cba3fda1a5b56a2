/**
 * `export --format csv | warc | warc.gz`, to a file and to stdout, run in process (src/cli/run.ts); the
 * compiled CLI exports in tests/pipeline/crawl-demo-site.process.test.ts and tests/faults/export-failure.process.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { readWarc, sha256Label } from './warc-reader.js';

const URL_A = 'http://127.0.0.1/alpha/plan.html';
const URL_B = 'http://127.0.0.1/beta/gbk.html';
const URL_GONE = 'http://127.0.0.1/alpha/gone.html';

// A GBK body ("教育局" and friends): the WARC must carry these bytes, not a UTF-8 rendering.
const GBK_BODY = Buffer.from('3c68746d6c3e3c626f64793ebdccd3fdbed63c2f626f64793e3c2f68746d6c3e', 'hex');
const TRICKY_TEXT = '第一段，含逗号。\n第二段 "引号" 与 \'单引号\'\r\n=SUM(A1) 开头的公式也照原样';

let store: TestArchive;
let rawA1: Uint8Array;
let rawA2: Uint8Array;

beforeAll(() => {
  store = openTestArchive();
  const first = snapshot(URL_A, {
    title: '2021年工作要点',
    text: '第一版正文。',
    publishedDate: '2021-02-18',
    fields: { indexNo: '014028901/2021-00544', publisher: '无锡市滨湖区教育局' },
    labels: { 信息索引号: '014028901/2021-00544' },
    attachments: [{ url: 'http://127.0.0.1/downfile.jsp?filename=a,b.pdf', name: '附件 "一".pdf' }],
  });
  rawA1 = first.rawBody;
  store.record(first);
  const second = snapshot(URL_A, { ...first.document, text: TRICKY_TEXT });
  rawA2 = second.rawBody;
  store.record(second);
  store.record(
    snapshot(URL_B, {
      source: 'beta',
      title: '教育局通知',
      text: '教育局',
      rawBody: GBK_BODY,
      headers: {
        'content-type': 'text/html; charset=gbk',
        'content-encoding': 'gzip',
        'transfer-encoding': 'chunked',
        'content-length': '17',
        server: 'nginx',
      },
    }),
  );
  store.record(snapshot(URL_GONE, { title: '已删除', text: '旧文' }));
  store.missing(URL_GONE);
  store.missing(URL_GONE);
});
afterAll(() => store.close());

describe('export --format csv', () => {
  it('writes UTF-8 with a BOM, one row per document, that a CSV parser reads back exactly', async () => {
    const out = join(store.dir, 'documents.csv');
    const result = await runCliInProcess(['export', '--format', 'csv', '--out', out, '--config', store.configPath]);
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row.url).sort()).toEqual([URL_A, URL_B, URL_GONE].sort());
    const plan = rows.find((row) => row.url === URL_A)!;
    expect(plan).toMatchObject({
      source: 'alpha',
      title: '2021年工作要点',
      publishedDate: '2021-02-18',
      status: 'active',
      version: '2',
      'fields.indexNo': '014028901/2021-00544',
      'fields.publisher': '无锡市滨湖区教育局',
      'fields.docNo': '',
      duplicateOf: '',
      text: TRICKY_TEXT,
    });
    expect(JSON.parse(plan.labels!)).toEqual({ 信息索引号: '014028901/2021-00544' });
    expect(JSON.parse(plan.attachments!)).toEqual([{ url: 'http://127.0.0.1/downfile.jsp?filename=a,b.pdf', name: '附件 "一".pdf' }]);
    expect(rows.find((row) => row.url === URL_GONE)?.status).toBe('removed');
  });

  it('ends rows with CRLF and honours --source on stdout', async () => {
    const result = await runCliInProcess(['export', '--format', 'csv', '--source', 'beta', '--config', store.configPath]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFid,source,url,')).toBe(true);
    const rows = parse<Record<string, string>>(result.stdout, { bom: true, columns: true });
    expect(rows.map((row) => row.url)).toEqual([URL_B]);
    expect(result.stdout.split('\r\n')).toHaveLength(3); // header, one row, and the empty rest after the last CRLF
  });
});

describe('export --format warc', () => {
  it('writes a warcinfo, then per stored version a response with the raw bytes and a metadata record', async () => {
    const out = join(store.dir, 'archive.warc');
    const result = await runCliInProcess(['export', '--format', 'warc', '--out', out, '--config', store.configPath]);
    expect(result.code).toBe(0);
    const records = readWarc(readFileSync(out));
    expect(records.map((record) => record.headers.get('warc-type'))).toEqual(['warcinfo', ...Array(4).fill(['response', 'metadata']).flat()]);
    for (const record of records) expect(record.version).toBe('WARC/1.1');
    const warcinfoId = records[0]!.headers.get('warc-record-id');

    const responses = records.filter((record) => record.http);
    const versions = store.db.prepare('SELECT d.url, v.version, v.fetched_at AS fetchedAt FROM versions v JOIN documents d ON d.id = v.document_id').all() as {
      url: string;
      version: number;
      fetchedAt: string;
    }[];
    expect(responses.map((r) => `${r.headers.get('warc-target-uri')} ${r.headers.get('warc-date')}`).sort()).toEqual(
      versions.map((v) => `${v.url} ${v.fetchedAt}`).sort(),
    );
    const payloadsOfA = responses.filter((r) => r.headers.get('warc-target-uri') === URL_A).map((r) => r.http!.payload);
    expect(payloadsOfA.map((payload) => payload.toString('hex')).sort()).toEqual([rawA1, rawA2].map((raw) => Buffer.from(raw).toString('hex')).sort());

    for (const response of responses) {
      expect(response.headers.get('content-type')).toBe('application/http; msgtype=response');
      expect(response.headers.get('warc-warcinfo-id')).toBe(warcinfoId);
      expect(response.headers.get('warc-block-digest')).toBe(sha256Label(response.block));
      expect(response.headers.get('warc-payload-digest')).toBe(sha256Label(response.http!.payload));
      expect(response.http!.statusLine).toBe('HTTP/1.1 200 OK');
      expect(response.http!.headers.get('content-length')).toBe(String(response.http!.payload.length));
    }
    const metadata = records.filter((record) => record.headers.get('warc-type') === 'metadata');
    for (const [index, record] of metadata.entries()) {
      expect(record.headers.get('warc-concurrent-to')).toBe(responses[index]!.headers.get('warc-record-id'));
      expect(record.block.toString('utf8')).toMatch(/^bureau-watch-document-id: [0-9a-f]{16}\r\n/);
    }
  });

  it('keeps non-UTF-8 bodies byte for byte and makes the wire-encoding headers match the stored body', async () => {
    const result = await runCliInProcess([
      'export',
      '--format',
      'warc',
      '--source',
      'beta',
      '--out',
      join(store.dir, 'beta.warc'),
      '--config',
      store.configPath,
    ]);
    expect(result.code).toBe(0);
    const [, response] = readWarc(readFileSync(join(store.dir, 'beta.warc')));
    expect(response!.http!.payload.equals(GBK_BODY)).toBe(true);
    const headers = response!.http!.headers;
    expect(headers.get('content-type')).toBe('text/html; charset=gbk');
    expect(headers.get('server')).toBe('nginx');
    expect(headers.get('content-length')).toBe(String(GBK_BODY.length));
    expect(headers.has('content-encoding')).toBe(false);
    expect(headers.has('transfer-encoding')).toBe(false);
    expect(headers.get('x-bureau-watch-original-content-encoding')).toBe('gzip');
  });

  it('writes warc.gz as one gzip member per record, readable by both readers', async () => {
    const out = join(store.dir, 'archive.warc.gz');
    const result = await runCliInProcess(['export', '--format', 'warc.gz', '--out', out, '--config', store.configPath]);
    expect(result.code).toBe(0);
    const compressed = readFileSync(out);
    expect([...compressed.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const records = readWarc(gunzipSync(compressed));
    expect(records).toHaveLength(9);
    const types: string[] = [];
    for await (const record of WARCParser.iterRecords([compressed])) {
      types.push(record.warcType);
      await record.readFully();
    }
    expect(types).toEqual(records.map((record) => record.headers.get('warc-type')));
  });

  it('rejects an unknown format with exit 2', async () => {
    const result = await runCliInProcess(['export', '--format', 'xml', '--config', store.configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown export format "xml": expected one of jsonl, csv, warc, warc.gz, atom');
  });
});
