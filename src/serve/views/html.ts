/**
 * The one way views write markup: hono's `html` template, which escapes every interpolated string
 * (titles, texts, fields and URLs are whatever a site sent). Helpers here build the few pieces that
 * need more than escaping: links to URLs a site chose, and search snippets with their marks.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export { html };

/** What a view returns: escaped markup (hono's templates may resolve asynchronously). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The URL when a browser may follow it: absolute http(s) only, never `javascript:` or `data:`. */
export function followableUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to a page on a bureau's site: it opens with no referrer and no opener; an unfollowable URL is shown as text. */
export function externalLink(url: string, label: string = url): Html {
  const href = followableUrl(url);
  return href
    ? html`<a class="external" href="${href}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>`
    : html`<span class="unfollowable" title="not an http(s) URL">${label}</span>`;
}

/** Marks no site can forge: a random token per request, replaced by <mark> after the text is escaped. */
export function snippetMarks(): { open: string; close: string } {
  const token = `\u0000${crypto.randomUUID()}`;
  return { open: `${token}<`, close: `${token}>` };
}

/** A snippet marked with `marks` as escaped HTML, each match in a <mark>. */
export function markedSnippet(snippet: string, marks: { open: string; close: string }): Html {
  const parts = snippet.split(marks.open).map((part, index) => {
    if (index === 0) return html`${part}`;
    const at = part.indexOf(marks.close);
    if (at < 0) return html`${part}`;
    return html`<mark>${part.slice(0, at)}</mark>${part
        .slice(at + marks.close.length)
        .split(marks.close)
        .join('')}`;
  });
  return html`${parts}`;
}

/** "1 document", "3 documents". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** An ISO-8601 instant, short for reading ("2024-03-01 08:00:05", UTC), whole in its datetime attribute. */
export function timestamp(iso: string): Html {
  const short = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso;
  return html`<time datetime="${iso}" title="${iso} (UTC)">${short}</time>`;
}
