/**
 * `--source` and `--field` (issue #11, Found 8): repeatable everywhere, export included; a name that
 * does not exist is exit 2 with the known ones listed, never an empty answer; `search` says "N of M"
 * when --limit cut the list; and reading leaves the archive as it was. Run in process (src/cli/run.ts);
 * the compiled CLI meets --source and --field in exit-codes.process.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let archive: TestArchive;

beforeAll(() => {
  archive = openTestArchive({ sources: ['alpha', 'beta', 'gamma'] });
  for (const [n, source] of ['alpha', 'alpha', 'beta', 'beta', 'gamma'].entries()) {
    archive.record(
      snapshot(`http://${source}.example/art/${n}.html`, {
        source,
        title: `第${n}号工作要点`,
        text: `第${n}号工作要点正文。`,
        fields: n === 3 ? { validity: '失效' } : { validity: '有效' },
      }),
    );
  }
  archive.db.close(); // reads must leave the file exactly as it is
});
afterAll(() => archive.close());

const run = (args: string[]) => runCliInProcess([...args, '--config', archive.configPath]);
const sourcesOf = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { source: string }).source);
const hash = () => createHash('sha256').update(readFileSync(archive.databasePath)).digest('hex');

describe('--source and --field', () => {
  it('search says "3 of 5 documents" when --limit cut the list, and the whole count otherwise', async () => {
    const [cut, whole] = await Promise.all([run(['search', '工作要点', '--limit', '3']), run(['search', '工作要点'])]);
    expect(cut.code).toBe(0);
    expect(cut.stdout.match(/^\d+\. /gm)).toHaveLength(3);
    expect(cut.stdout.trimEnd().split('\n').at(-1)).toBe('3 of 5 documents (--limit 3)');
    expect(whole.stdout.trimEnd().split('\n').at(-1)).toBe('5 documents found');
  });

  it('is repeatable in search and export; a field may be named by its page label', async () => {
    const before = hash();
    const [exported, csv, searched, byLabel] = await Promise.all([
      run(['export', '--source', 'alpha', '--source', 'gamma']),
      run(['export', '--format', 'csv', '--source', 'beta', '--source', 'gamma']),
      run(['search', '工作要点', '--json', '--source', 'beta', '--source', 'gamma']),
      run(['search', '工作要点', '--json', '--field', '效力状况=失效']),
    ]);
    expect(exported.code).toBe(0);
    expect(sourcesOf(exported.stdout)).toEqual(['alpha', 'alpha', 'gamma']);
    expect(csv.stdout.trim().split('\n')).toHaveLength(4); // header + 3 rows
    expect((JSON.parse(searched.stdout) as { source: string }[]).map((hit) => hit.source).sort()).toEqual(['beta', 'beta', 'gamma']);
    expect((JSON.parse(byLabel.stdout) as { url: string }[]).map((hit) => hit.url)).toEqual(['http://beta.example/art/3.html']);
    expect(hash()).toBe(before);
  });

  it('an unknown source or field is exit 2 listing the known ones, in every command', async () => {
    const [exported, searched, field, atom] = await Promise.all([
      run(['export', '--source', 'alpha', '--source', 'nosuch']),
      run(['search', '工作要点', '--source', 'nosuch']),
      run(['search', '工作要点', '--field', 'foo=bar']),
      run(['export', '--format', 'atom', '--source', 'alpha', '--source', 'beta']),
    ]);
    expect(exported).toMatchObject({ code: 2, stdout: '' });
    expect(exported.stderr).toContain('--source: no source "nosuch" in the archive or the config: expected one of alpha, beta, gamma');
    expect(searched).toMatchObject({ code: 2, stdout: '' });
    expect(searched.stderr).toContain('--source: no source "nosuch" in the archive or the config: expected one of alpha, beta, gamma');
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('--field: unknown field "foo": expected a canonical key (indexNo, category, publisher');
    expect(atom.code).toBe(2);
    expect(atom.stderr).toContain('--format atom takes one --source at most');
  });
});
