/**
 * A site's title, fields and text holding terminal escapes (recolour, clear screen, set the window
 * title, C1 CSI, carriage return) reach no terminal: what the commands print (run in process,
 * src/cli/run.ts) drops them in text and escapes them in JSON; search's own highlight marks survive.
 */
import { describe, expect, it } from 'vitest';
import { markedTerminalText, placeholderMarks } from '../../src/cli/format.js';
import { TERMINAL_MARKS } from '../../src/search/snippet.js';
import { openTestArchive, snapshot } from '../helpers/archive.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

/** Highlight marks against forged ones. */
describe('search marks on a terminal', () => {
  it('keeps the highlight marks search adds and drops the same escapes when a site forges them', () => {
    const placeholders = placeholderMarks();
    const snippet = `前文\u001b[1;31m伪造\u001b[0m ${placeholders.open}覆盖${placeholders.close} 后文`;
    expect(markedTerminalText(snippet, placeholders, TERMINAL_MARKS)).toBe(`前文伪造 ${TERMINAL_MARKS.open}覆盖${TERMINAL_MARKS.close} 后文`);
  });
});

const HOSTILE = '\u001b[31m红\u001b[0m\u001b]0;pwned-title\u0007\u001b[2J\u009b2J\r覆盖\u0085\u2028行';
/** What is left of HOSTILE once its escapes and controls are gone (U+2028 is printable). */
const VISIBLE = '红覆盖\u2028行';
/** Anything a terminal would obey: C0 except tab and newline, DEL, C1. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileArchive(): { config: string; id: string } {
  const test = openTestArchive({
    sources: ['alpha'],
    alerts: [{ name: 'hostile', on: ['document.created', 'document.updated'], titlePattern: '通知' }],
    extraConfig: ['sources:', '  - id: alpha', '    startUrls: ["http://127.0.0.1/"]', 'sinks:', '  - type: stdout'],
  });
  const url = 'http://127.0.0.1/art/2024/3/8/art_1001_1.html';
  const paragraphs = (tail: string) => `第一段${HOSTILE}。\n\n第二段要求各单位${tail}。`;
  test.record(snapshot(url, { text: paragraphs('认真落实'), title: `通知${HOSTILE}`, fields: { publisher: HOSTILE } }));
  test.record(snapshot(url, { text: paragraphs(`切实加强${HOSTILE}`), title: `通知${HOSTILE}（修订）`, fields: { publisher: `${HOSTILE}局` } }));
  const id = test.db.prepare('SELECT id FROM documents').pluck().get() as string;
  test.db.close();
  return { config: test.configPath, id };
}

describe('terminal escapes from a site', () => {
  it('prints titles, fields and text without escapes or controls, and JSON with them escaped', async () => {
    const { config, id } = hostileArchive();
    const text = { show: ['show', id], search: ['search', '覆盖'], history: ['history', id], diff: ['diff', id], events: ['events'], stats: ['stats'] };
    const json = {
      'show --json': ['show', id, '--json'],
      'search --json': ['search', '覆盖', '--json'],
      'history --json': ['history', id, '--json'],
      'events --json': ['events', '--json'],
      'stats --json': ['stats', '--json'],
      export: ['export'],
      'deliver (stdout sink)': ['deliver'],
    };
    const run = (args: string[]) => runCliInProcess([...args, '--config', config]);
    const textResults = await Promise.all(Object.values(text).map(run));
    const jsonResults = await Promise.all(Object.values(json).map(run));

    Object.keys(text).forEach((name, index) => {
      const { code, stdout, stderr } = textResults[index]!;
      expect(code, `${name}: ${stderr}`).toBe(0);
      expect(stdout, name).not.toMatch(TERMINAL_CONTROLS);
      expect(stdout, name).not.toContain('pwned-title');
      expect(stdout, name).not.toContain('[2J');
    });
    for (const name of ['show', 'search', 'diff']) expect(textResults[Object.keys(text).indexOf(name)]!.stdout, name).toContain(VISIBLE);
    expect(textResults[Object.keys(text).indexOf('history')]!.stdout).toContain('通知红覆盖');

    Object.keys(json).forEach((name, index) => {
      const { code, stdout, stderr } = jsonResults[index]!;
      expect(code, `${name}: ${stderr}`).toBe(0);
      expect(stdout, name).not.toMatch(TERMINAL_CONTROLS);
      expect(stdout, name).not.toMatch(/[\u2028\u2029]/);
      if (name === 'stats --json') return; // no site text in it
      expect(stdout, name).toContain('\\u001b]0;pwned-title\\u0007');
      expect(stdout, name).toContain('\\u009b2J\\r覆盖\\u0085\\u2028行');
    });
    // Escaped, not altered: the values read back are the site's own.
    const shown = JSON.parse(jsonResults[0]!.stdout) as { title: string; fields: Record<string, string> };
    expect(shown.title).toBe(`通知${HOSTILE}（修订）`);
    expect(shown.fields.publisher).toBe(`${HOSTILE}局`);
  });
});
