/**
 * Sink URLs carry secrets: a token in the path (`/hooks/<token>`), a key in the query, and (refused
 * at config load, but a message must not repeat it either) `user:password@`. Whatever text about a
 * delivery may be logged, stored (sink_cursors.last_error) or printed (`deliver`) passes through
 * redactUrls, which keeps only each URL's origin.
 */

/** Anything shaped like an absolute URL, up to whitespace, a quote or an angle bracket; punctuation ending a sentence is not part of it. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)\]]/gi;

/** `https://hooks.example.org/…`: the origin, and an ellipsis when something followed it. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
    const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    return rest === '/' || rest === '' ? origin : `${origin}/…`;
  } catch {
    return '[url]';
  }
}

export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, redactUrl);
}
