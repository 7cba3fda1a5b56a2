import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LABEL_SYNONYMS } from '../../src/extract/labels.js';

/** docs/extraction.md's field reference lists exactly the synonyms the extractor knows, in order. */
describe('the field reference in docs/extraction.md', () => {
  it('lists every canonical key with its labels, most specific first', () => {
    const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/extraction.md'), 'utf8');
    const table = /<!-- field-reference:begin -->\n([\s\S]*?)<!-- field-reference:end -->/.exec(doc)?.[1] ?? '';
    const rows = table
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((row) => {
        const [, key, labels] = /^\| `(\w+)` \| (.*) \|$/.exec(row) ?? [];
        return [key, labels?.split(', ')] as const;
      });
    expect(Object.fromEntries(rows)).toEqual(LABEL_SYNONYMS);
  });
});
