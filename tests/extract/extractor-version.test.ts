import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareDocument } from '../../src/archive/changes.js';
import { decodeBody } from '../../src/decode/index.js';
import { EXTRACTOR_VERSION } from '../../src/extract/extractor-version.js';
import { extractFromHtml } from '../../src/extract/index.js';
import { sha256Hex } from '../../src/hash.js';

/**
 * The archive trusts EXTRACTOR_VERSION to say when the same bytes may read differently
 * (src/archive/changes.ts): a change to extraction that moves any page's comparison key (text,
 * title, canonical fields) without a bump would make every such page a "new version" on the
 * next crawl after the upgrade. This pins the keys of the repository's fixture pages to the
 * version. When it fails: bump EXTRACTOR_VERSION, then put the printed digest here.
 */
const PINNED = { version: 1, digest: '98c81dcf2d97a07f2973c9e180d918a27888464822a43af81c58046a336b2bf0' };

const FOLDERS = [
  { dir: fileURLToPath(new URL('../fixtures/pages/', import.meta.url)), url: (name: string) => `http://fixture.example/${name}.html` },
  { dir: fileURLToPath(new URL('fixtures/found/', import.meta.url)), url: (name: string) => `http://found.example/${name}.html` },
];

function fixtureKeys(): string[] {
  return FOLDERS.flatMap(({ dir, url }) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => {
        const name = file.replace(/\.html$/, '');
        const { html } = decodeBody(readFileSync(join(dir, file)));
        const { contentHash, titleHash, fieldsHash } = compareDocument(extractFromHtml(html, url(name)));
        return `${name} ${contentHash} ${titleHash} ${fieldsHash}`;
      }),
  );
}

describe('EXTRACTOR_VERSION', () => {
  it('is bumped whenever extraction reads a fixture page to another comparison key', () => {
    const keys = fixtureKeys();
    expect(keys.length).toBeGreaterThan(40);
    const digest = sha256Hex(keys.join('\n'));
    const next = EXTRACTOR_VERSION === PINNED.version ? EXTRACTOR_VERSION + 1 : EXTRACTOR_VERSION;
    const hint = `fixture pages read to other comparison keys: set EXTRACTOR_VERSION (src/extract/extractor-version.ts) to ${next} and pin { version: ${next}, digest: '${digest}' } here`;
    expect({ version: EXTRACTOR_VERSION, digest }, hint).toEqual(PINNED);
  });
});
