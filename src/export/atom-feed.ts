/**
 * Atom 1.0 (RFC 4287) serialisation, pure: a feed description in, XML text out, no database and
 * no I/O, so `export --format atom` and a web server can both call it.
 *
 * Every text element is `type="text"`: a crawled title is shown as the characters it is, never
 * interpreted as HTML by a feed reader. fast-xml-parser's builder escapes markup characters;
 * characters XML 1.0 forbids outright (C0 controls, lone surrogates, U+FFFE/U+FFFF), which no
 * escape can carry, are removed first. (The `feed` package marks titles as HTML, and feedsmith
 * pads text with the indentation: neither fits hostile titles.)
 */
import { XMLBuilder } from 'fast-xml-parser';

export interface AtomCategory {
  term: string;
  scheme?: string;
  label?: string;
}

export interface AtomEntry {
  /** A permanent, universally unique IRI (urn:uuid:… or tag:…). */
  id: string;
  title: string;
  /** ISO-8601 / RFC 3339 date-time. */
  updated: string;
  /** The alternate (HTML) link; when absent the summary is repeated as content, as RFC 4287 asks. */
  link?: string;
  summary: string;
  author: string;
  categories: AtomCategory[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Newest entry's time, or when the feed was made if it has none. */
  updated: string;
  author: string;
  /** Where the feed itself is served (rel="self"), when it is. */
  selfUrl?: string;
  /** A page for humans about the same thing (rel="alternate"), when there is one. */
  alternateUrl?: string;
  entries: AtomEntry[];
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const GENERATOR = { '#text': 'bureau-watch', '@_uri': 'https://github.com/bureau-watch/bureau-watch' };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });

export function buildAtomFeed(feed: AtomFeed): string {
  const links = [
    ...(feed.selfUrl ? [link(feed.selfUrl, 'self', 'application/atom+xml')] : []),
    ...(feed.alternateUrl ? [link(feed.alternateUrl, 'alternate', 'text/html')] : []),
  ];
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': ATOM_NS,
      id: xmlText(feed.id),
      title: text(feed.title),
      ...(feed.subtitle ? { subtitle: text(feed.subtitle) } : {}),
      updated: feed.updated,
      author: { name: xmlText(feed.author) },
      generator: GENERATOR,
      ...(links.length ? { link: links } : {}),
      entry: feed.entries.map(entryElement),
    },
  };
  return builder.build(document);
}

function entryElement(entry: AtomEntry): Record<string, unknown> {
  return {
    id: xmlText(entry.id),
    title: text(entry.title),
    updated: entry.updated,
    author: { name: xmlText(entry.author) },
    ...(entry.link ? { link: link(entry.link, 'alternate', 'text/html') } : {}),
    summary: text(entry.summary),
    ...(entry.link ? {} : { content: text(entry.summary) }),
    category: entry.categories.map((category) => ({
      '@_term': xmlText(category.term),
      ...(category.scheme ? { '@_scheme': xmlText(category.scheme) } : {}),
      ...(category.label ? { '@_label': xmlText(category.label) } : {}),
    })),
  };
}

function text(value: string): Record<string, string> {
  return { '#text': xmlText(value), '@_type': 'text' };
}

function link(href: string, rel: string, type: string): Record<string, string> {
  return { '@_href': xmlText(href), '@_rel': rel, '@_type': type };
}

// Not allowed anywhere in an XML 1.0 document, escaped or not (XML 1.0 §2.2 Char).
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string with every character XML 1.0 cannot carry removed. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}
