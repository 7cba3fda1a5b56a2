import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, terminalJson, terminalText } from '../../src/cli/format.js';

describe('displayWidth', () => {
  it('counts wide characters beyond the Basic Multilingual Plane as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('通知公告')).toBe(8);
    expect(displayWidth('（２０２４）')).toBe(12); // fullwidth forms
    expect(displayWidth('𠀀𠀁')).toBe(4); // CJK Extension B (surrogate pairs)
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2); // one emoji sequence joined by ZWJ
  });

  it('counts combining marks and zero-width characters as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
  });
});

describe('formatTable', () => {
  it('aligns columns holding emoji and Extension B characters', () => {
    const table = formatTable(
      ['title', 'n'],
      [
        ['😀𠀀', '1'],
        ['ab', '2'],
      ],
    ).split('\n');
    expect(table).toEqual(['title  n', '-----  -', '😀𠀀   1', 'ab     2']);
  });
});

describe('terminal-safe text', () => {
  it('drops bidirectional overrides and isolates, which would reorder what a terminal shows', () => {
    const title = 'evil\u202efdp.exe \u2066x\u2069 \u202a\u202b\u202c\u202d';
    expect(terminalText(title)).toBe('evilfdp.exe x ');
    expect(terminalJson({ title })).toBe('{"title":"evil\\u202efdp.exe \\u2066x\\u2069 \\u202a\\u202b\\u202c\\u202d"}');
    expect(JSON.parse(terminalJson({ title }))).toEqual({ title });
  });
});
