/**
 * What `try URL` prints: the page as the crawl would archive it (a document's title, dates, fields
 * with the rule that found each, labels, attachments and text) or follow it (a list page's document
 * links, other lists and next pages). Every line is made terminal-safe by the caller; `--json`
 * prints `tryJson` instead.
 */
import type { TryFailure, TryResult } from '../crawl/try-page.js';
import type { ExtractedDocument } from '../extract/types.js';
import { formatTable } from './format.js';

/** `try --json`: one object, the same keys whatever the page, `error` instead when it was not read. */
export function tryJson(url: string, outcome: TryResult | TryFailure): Record<string, unknown> {
  if (!outcome.ok) return { url, error: { reason: outcome.reason, message: outcome.message } };
  const { response, page } = outcome;
  const head = {
    url,
    finalUrl: response.url,
    status: response.status,
    contentType: response.headers['content-type'] ?? null,
    bytes: response.body.byteLength,
    fetchedAt: response.fetchedAt,
    robots: outcome.robots,
    kind: page.kind,
  };
  const outOfScope = { outOfScope: outcome.outOfScope };
  switch (page.kind) {
    case 'document': {
      const { snapshot } = page;
      return { ...head, charset: snapshot.charset, charsetSource: snapshot.charsetSource, document: snapshot.document };
    }
    case 'list':
      return {
        ...head,
        list: { kind: page.discovery.kind, items: page.discovery.items, lists: page.discovery.lists, next: page.discovery.next, ...outOfScope },
      };
    case 'datastore':
      return { ...head, datastore: { items: page.items, recordCount: page.recordCount, totalRecord: page.totalRecord, ...outOfScope } };
    case 'soft-404':
      return head;
  }
}

export function tryLines(outcome: TryResult): string[] {
  const { response, page } = outcome;
  const facts = `HTTP ${response.status}, ${response.headers['content-type'] ?? 'no content-type'}, ${response.body.byteLength} bytes; robots.txt: ${outcome.robots}`;
  switch (page.kind) {
    case 'document':
      return [
        `document  ${response.url}`,
        `${facts}; decoded as ${page.snapshot.charset} (${page.snapshot.charsetSource})`,
        '',
        ...documentLines(page.snapshot.document),
      ];
    case 'list': {
      const { discovery } = page;
      return [
        `list page (${discovery.kind})  ${response.url}`,
        facts,
        '',
        ...urlSection('Document links', discovery.items),
        ...urlSection('Other list pages', discovery.lists),
        ...urlSection(
          'Next page',
          discovery.next.map((next) => next.url),
        ),
        ...scopeNote(outcome.outOfScope),
      ];
    }
    case 'datastore':
      return [
        `Hanweb datastore answer (${page.recordCount} records${page.totalRecord === null ? '' : ` of ${page.totalRecord}`})  ${response.url}`,
        facts,
        '',
        ...urlSection('Document links', page.items),
        ...scopeNote(outcome.outOfScope),
      ];
    case 'soft-404':
      return [`soft 404  ${response.url}`, facts, '', 'The page answers 200 but says it does not exist: the crawl would store nothing.'];
  }
}

function documentLines(doc: ExtractedDocument): string[] {
  const rule = (key: string) => doc.provenance[key] ?? '';
  const fields = Object.entries(doc.fields);
  const labels = Object.entries(doc.labels);
  const paragraphs = doc.text === '' ? 0 : doc.text.split('\n').length;
  const shown = new Set(['title', 'publishedDate', 'text', 'attachments', ...fields.map(([key]) => `fields.${key}`)]);
  const notes = Object.entries(doc.provenance).filter(([key]) => !shown.has(key));
  return [
    formatTable(
      ['item', 'found by', 'value'],
      [
        ['title', rule('title'), doc.title || '(none)'],
        ['published', rule('publishedDate'), doc.publishedDate ?? '—'],
      ],
    ),
    ...notes.map(([key, value]) => `note: ${key}: ${value}`),
    '',
    `Fields (${fields.length})`,
    ...(fields.length
      ? [
          formatTable(
            ['key', 'found by', 'value'],
            fields.map(([key, value]) => [key, rule(`fields.${key}`), oneLine(value)]),
          ),
        ]
      : []),
    '',
    `Labels (${labels.length})`,
    ...(labels.length
      ? [
          formatTable(
            ['label', 'value'],
            labels.map(([label, value]) => [label, oneLine(value)]),
          ),
        ]
      : []),
    '',
    `Attachments (${doc.attachments.length})`,
    ...doc.attachments.map((attachment) => `  ${oneLine(attachment.name)}  ${attachment.url}`),
    '',
    `Text (${paragraphs} paragraphs, ${doc.text.length} characters; found by ${rule('text') || '—'})`,
    '',
    doc.text,
  ];
}

function scopeNote(outOfScope: number): string[] {
  if (outOfScope === 0) return [];
  return [
    `${outOfScope} more link${outOfScope === 1 ? '' : 's'} left out: a source with this start URL would not follow them (other hosts, outside this folder, files).`,
  ];
}

function urlSection(title: string, urls: string[]): string[] {
  return [`${title} (${urls.length})`, ...urls.map((url) => `  ${url}`), ''];
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
