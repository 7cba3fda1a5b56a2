/** The page around every view: head (stylesheet, Atom feeds as <link rel="alternate">), site navigation, footer. */
import { STYLESHEET_PATH } from '../stylesheet.js';
import { html, type Html } from './html.js';

export type Section = 'search' | 'events' | 'sources' | 'none';

export interface Feed {
  title: string;
  href: string;
}

export interface PageSpec {
  title: string;
  section: Section;
  body: Html;
  /** Atom feeds of this page's subject; the feed of everything is always offered. */
  feeds?: Feed[];
}

export const ALL_EVENTS_FEED: Feed = { title: 'bureau-watch: all changes', href: '/feeds/all.atom' };

const NAV: [Exclude<Section, 'none'>, string, string][] = [
  ['search', '/', 'Search'],
  ['events', '/events', 'Events'],
  ['sources', '/sources', 'Sources'],
];

export function layout(page: PageSpec): Html {
  const feeds = [...(page.feeds ?? []), ALL_EVENTS_FEED];
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${page.title} · bureau-watch</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
        ${feeds.map((feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}" /> `)}
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">bureau-watch</a>
          <nav>${NAV.map(([section, href, label]) => html`<a href="${href}" ${section === page.section ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
          <span class="muted">read-only archive view</span>
        </header>
        <main>${page.body}</main>
        <footer class="site">
          Read-only view of the archive. Feeds: ${feeds.map((feed, index) => html`${index ? ', ' : ''}<a href="${feed.href}">${feed.title}</a>`)}.
        </footer>
      </body>
    </html>`;
}

/** A short page for a missing document, a bad parameter or a failure. */
export function messagePage(title: string, message: string): Html {
  return layout({
    title,
    section: 'none',
    body: html`<h1>${title}</h1>
      <p>${message}</p>
      <p><a href="/">Back to search</a></p>`,
  });
}
