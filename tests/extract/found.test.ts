import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';
import type { Expectation } from '../fixtures/pages/gen/spec.js';

/**
 * Pages written by the team for each fault issue #13 found on real sites (the "Found" list),
 * modelled on the markup those sites use. NAME.html is the page, NAME.json says which fault it
 * reproduces and what must be extracted.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/found');

interface FoundFixture {
  name: string;
  found: string;
  url: string;
  expect: Expectation;
}

const fixtures: FoundFixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<FoundFixture, 'name'>) }));

const pageOf = (name: string): string => readFileSync(join(dir, `${name}.html`), 'utf8');

describe.each(fixtures)('$name', (fixture) => {
  const doc = extractFromHtml(pageOf(fixture.name), fixture.url);
  const want = fixture.expect;

  it('title', () => expect(doc.title).toBe(want.title));
  it('one publishedDate, the same in the record and in fields', () => {
    expect(doc.publishedDate).toBe(want.publishedDate);
    if (doc.fields.publishedDate !== undefined) expect(doc.fields.publishedDate).toBe(doc.publishedDate);
  });
  it('fields (exactly) and labels', () => {
    expect(doc.fields).toEqual(want.fields);
    expect(doc.labels).toMatchObject(want.labels ?? {});
  });
  it('text', () => {
    if (want.text !== undefined) expect(doc.text).toBe(want.text);
    for (const part of want.textExcludes ?? []) expect(doc.text).not.toContain(part);
  });
  it('attachments and provenance', () => {
    expect(doc.attachments).toEqual(want.attachments);
    expect(doc.provenance).toMatchObject(want.provenance ?? {});
  });
});

/** Each line of `a` against `b`: the lines that differ (a line diff would be overkill: edits keep the count). */
function changedLines(a: string, b: string): [string, string][] {
  const left = a.split('\n');
  const right = b.split('\n');
  expect(right).toHaveLength(left.length);
  return left.flatMap((line, i): [string, string][] => (line === right[i] ? [] : [[line, right[i] as string]]));
}

describe('a short body stays put when one sentence changes (#13 Found 2)', () => {
  const page = pageOf('short-body-zoom');
  const url = 'http://www.example.gov.cn/zwgk/tzgg/202306/t20230619_5512.html';
  // Every line of the page is shorter than a paragraph; the long version of one line is not.
  const SHORT = '25日正常上班。';
  const LONG = '25日（星期日）正常上班，请各单位提前做好节日期间值班值守和安全生产工作。';
  const templates: [string, (html: string) => string][] = [
    ['div.content#zoom', (html) => html],
    ['div.content (no zoom box)', (html) => html.replace(' id="zoom"', '')],
    ['an unnamed div', (html) => html.replace('<div class="content" id="zoom">', '<div>')],
  ];

  it.each(templates)('%s: the text is there in every version and differs only in that sentence', (_name, template) => {
    const versions = [SHORT, LONG, SHORT, LONG].map((sentence) => extractFromHtml(template(page.replace(SHORT, sentence)), url).text);
    for (const text of versions) expect(text).toContain('各有关单位：\n端午节放假安排如下。\n22日至24日放假。');
    expect(changedLines(versions[0] as string, versions[1] as string)).toEqual([[SHORT, LONG]]);
    expect(versions[2]).toBe(versions[0]);
    expect(versions[3]).toBe(versions[1]);
  });
});
