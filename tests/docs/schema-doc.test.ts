/**
 * docs/schema.md says what the archive holds (issue #11, Found 13): every table and view of a fresh
 * archive is listed, and the SQL examples of "Searching in SQL" run and find what they say, on the
 * bundled SQLite and, where the machine has one, on the system's `sqlite3` shell (which needs 3.43 for
 * the search tables: an older one fails as the document says, and the LIKE example still works).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';

const doc = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');
const SHELL = '/usr/bin/sqlite3';

/** The ```sql blocks of a section of docs/schema.md. */
function sqlExamples(heading: string): string[] {
  const start = doc.indexOf(`## ${heading}`);
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

let archive: TestArchive;

beforeAll(() => {
  archive = openTestArchive();
  const documents: [string, string, string, string][] = [
    ['alpha', '2024年工作要点', '一、总体要求。', '2024-02-01'],
    ['alpha', '2024年教育督导工作计划', '督导计划正文。', '2024-03-01'],
    ['alpha', '2019年工作计划', '旧的计划。', '2019-03-01'],
    ['beta', '关于印发工作要点的通知', '附件为本局工作要点。', '2023-05-01'],
  ];
  documents.forEach(([source, title, text, publishedDate], n) =>
    archive.record(snapshot(`http://${source}.example/art/${n}.html`, { source, title, text, publishedDate })),
  );
});
afterAll(() => archive.close());

describe('docs/schema.md', () => {
  it('lists every table and view of the archive', () => {
    const objects = archive.db.prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    const virtual = new Set(objects.filter((object) => /CREATE VIRTUAL TABLE/i.test(object.sql)).map((object) => object.name));
    const shadow = (name: string) =>
      [...virtual].some((table) => /^_(data|idx|config|docsize|content)$/.test(name.slice(table.length)) && name.startsWith(table));
    const listed = objects.map((object) => object.name).filter((name) => !shadow(name));
    expect(listed.length).toBeGreaterThan(15);
    for (const name of listed) expect(doc, name).toContain(`\`${name}\``);
  });

  it('has search examples that run on the bundled SQLite and find what they say', () => {
    const [trigram, bigram, titles, like] = sqlExamples('Searching in SQL').map((sql) => archive.db.prepare(sql).all() as { title: string }[]);
    const titlesOf = (rows: { title: string }[] | undefined) => rows?.map((row) => row.title).sort();
    expect(titlesOf(trigram)).toEqual(['2024年工作要点', '关于印发工作要点的通知']);
    expect(titlesOf(bigram)).toEqual(['2019年工作计划', '2024年教育督导工作计划']);
    expect(titlesOf(titles)).toEqual(['2024年教育督导工作计划']);
    expect(titlesOf(like)).toEqual(['2024年工作要点', '关于印发工作要点的通知']);
  });

  it.skipIf(!existsSync(SHELL))('says truly what the system sqlite3 shell can do with it', () => {
    const version = execFileSync(SHELL, ['--version'], { encoding: 'utf8' }).split(' ')[0]!;
    const [major, minor] = version.split('.').map(Number) as [number, number];
    const modern = major > 3 || minor >= 43;
    const examples = sqlExamples('Searching in SQL');
    const shell = (sql: string) => spawnSync(SHELL, ['-readonly', archive.databasePath], { input: sql, encoding: 'utf8' });
    const search = shell(examples[0]!);
    if (modern) {
      expect(search.stdout).toContain('2024年工作要点');
    } else {
      expect(doc).toContain(`unrecognized option: "contentless_delete"`);
      expect(search.stderr).toContain('unrecognized option: "contentless_delete"');
    }
    expect(shell(examples.at(-1)!).stdout).toContain('关于印发工作要点的通知');
    expect(shell('SELECT count(*) FROM documents_latest').stdout.trim()).toBe('4');
  });
});
