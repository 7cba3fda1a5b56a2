/** Atom feeds read back in the tests: strict XML (xmldom), checked for what RFC 4287 requires. */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses strictly (any well-formedness error throws) and checks what RFC 4287 requires. */
export function parseAtom(xml: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  const feed = document.documentElement!;
  expect(feed.namespaceURI).toBe(ATOM);
  expect(feed.localName).toBe('feed');
  for (const name of ['id', 'title', 'updated']) expect(children(feed, name), `feed/${name}`).toHaveLength(1);
  expect(text(feed, 'updated')).toMatch(RFC3339);
  expect(children(feed, 'author').length).toBe(1);
  for (const entry of children(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated', 'summary']) expect(children(entry, name), `entry/${name}`).toHaveLength(1);
    expect(text(entry, 'updated')).toMatch(RFC3339);
    expect(children(entry, 'link').filter((link) => link.getAttribute('rel') === 'alternate')).toHaveLength(1);
  }
  return feed;
}

export function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ATOM && (node as Element).localName === name,
  );
}

export function text(parent: Element, name: string): string {
  return children(parent, name)[0]!.textContent ?? '';
}
