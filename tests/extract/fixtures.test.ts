import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/decode/index.js';
import { extractFromHtml } from '../../src/extract/index.js';
import type { Expectation } from '../fixtures/pages/gen/spec.js';

const pagesDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

interface Fixture {
  name: string;
  encoding: string;
  contentType?: string;
  url: string;
  expect: Expectation;
}

const fixtures = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(pagesDir, f), 'utf8')) as Fixture);

function extractFixture(fixture: Fixture) {
  const bytes = readFileSync(join(pagesDir, `${fixture.name}.html`));
  const { html } = decodeBody(bytes, fixture.contentType);
  return extractFromHtml(html, fixture.url);
}

describe('fixture corpus', () => {
  it('has at least 40 pages in UTF-8, GB18030 and Big5', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fixtures.map((f) => f.encoding))).toEqual(new Set(['utf-8', 'gb18030', 'big5']));
  });
});

describe.each(fixtures)('$name', (fixture) => {
  const doc = extractFixture(fixture);
  const want = fixture.expect;

  it('title', () => expect(doc.title).toBe(want.title));
  it('publishedDate', () => expect(doc.publishedDate).toBe(want.publishedDate));
  it('fields (exactly)', () => expect(doc.fields).toEqual(want.fields));
  it('labels', () => {
    expect(doc.labels).toMatchObject(want.labels ?? {});
    for (const label of want.labelsAbsent ?? []) expect(doc.labels).not.toHaveProperty(label);
  });
  it('text', () => {
    if (want.text !== undefined) expect(doc.text).toBe(want.text);
    for (const part of want.textContains ?? []) expect(doc.text).toContain(part);
    for (const part of want.textExcludes ?? []) expect(doc.text).not.toContain(part);
    expect(doc.text).not.toMatch(/\n\n|^\s|\s$/);
  });
  it('attachments', () => expect(doc.attachments).toEqual(want.attachments));
  it('provenance', () => {
    expect(doc.provenance).toMatchObject(want.provenance ?? {});
    for (const key of Object.keys(doc.fields)) expect(doc.provenance).toHaveProperty(`fields.${key}`);
  });
});
