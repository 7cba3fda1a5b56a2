import { describe, expect, it } from 'vitest';
import { markedTerminalText, placeholderMarks } from '../../src/cli/format.js';
import { TERMINAL_MARKS } from '../../src/search/snippet.js';

/** Highlight marks against forged ones; what the commands print from a hostile site: terminal-escapes.process.test.ts. */
describe('search marks on a terminal', () => {
  it('keeps the highlight marks search adds and drops the same escapes when a site forges them', () => {
    const placeholders = placeholderMarks();
    const snippet = `前文\u001b[1;31m伪造\u001b[0m ${placeholders.open}覆盖${placeholders.close} 后文`;
    expect(markedTerminalText(snippet, placeholders, TERMINAL_MARKS)).toBe(`前文伪造 ${TERMINAL_MARKS.open}覆盖${TERMINAL_MARKS.close} 后文`);
  });
});
