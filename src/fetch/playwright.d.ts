/**
 * Crawlee's Playwright types import the `playwright` package, which this project does not install:
 * it drives a system Chromium through `playwright-core` (no browser download). `playwright` is
 * `playwright-core` plus its browsers, with the same types, so they are named here; without this
 * Crawlee's `Page` and `Response` would be unresolved (`any`) in browser-fetcher.ts.
 */
declare module 'playwright' {
  export * from 'playwright-core';
}
