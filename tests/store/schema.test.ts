import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateDocumentRecords } from '../../src/store/document-record.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

const doc = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');

let store: TestArchive;
beforeAll(() => {
  store = openTestArchive();
  const run = store.run(['alpha']);
  store.record(
    snapshot('http://127.0.0.1/alpha/1.html', { title: '一', text: '甲', fields: { publisher: '某局', validity: '失效' }, publishedDate: '2021-01-02' }),
    run,
  );
  store.record(
    snapshot('http://127.0.0.1/alpha/1.html', { title: '一', text: '甲乙', fields: { publisher: '某局', validity: '失效' }, publishedDate: '2021-01-02' }),
    run,
  );
  store.finish(run, { alpha: 3 });
});
afterAll(() => store.close());

const columnsOf = (name: string) => store.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[];

/** The column names a "### `name`" section of docs/schema.md lists in its table (first cell, backquoted). */
function documentedColumns(view: string): string[] {
  const section = doc.split(`### \`${view}\``)[1]!.split('\n### ')[0]!;
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('docs/schema.md matches the database', () => {
  it('documents every column of documents_latest, in order', () => {
    expect(documentedColumns('documents_latest')).toEqual(columnsOf('documents_latest'));
  });

  it('names the columns of document_fields and run_sources', () => {
    for (const column of columnsOf('document_fields')) expect(doc).toContain(`\`${column}\``);
    for (const column of columnsOf('run_sources')) expect(doc).toContain(`\`${column}\``);
  });

  it('documents_latest holds what export writes, in SQL', () => {
    const rows = store.db.prepare('SELECT id, version, text, status FROM documents_latest').all();
    const records = [...iterateDocumentRecords(store.db)].map(({ id, version, text, status }) => ({ id, version, text, status }));
    expect(rows).toEqual(records);
  });

  it('runs the example queries of the document', () => {
    const publishers = store.db
      .prepare(`SELECT value AS publisher, count(*) AS n FROM document_fields WHERE key = 'publisher' GROUP BY 1 ORDER BY 2 DESC`)
      .all();
    expect(publishers).toEqual([{ publisher: '某局', n: 1 }]);
    const invalid = store.db
      .prepare(
        `SELECT d.title FROM document_fields f JOIN documents_latest d ON d.id = f.document_id
      WHERE f.key = 'validity' AND f.value IN ('失效', '废止')`,
      )
      .pluck()
      .all();
    expect(invalid).toEqual(['一']);
    expect(store.db.prepare('SELECT source_id, errors, created FROM run_sources').all()).toEqual([{ source_id: 'alpha', errors: 3, created: 0 }]);
  });
});
