import type { Command } from 'commander';
import { loadConfigFile, validateConfig } from '../../config/load.js';
import type { Config } from '../../config/schema.js';
import { FatalError, UsageError } from '../../errors.js';
import { siteAccessFromFlags, type SiteAccessFlags } from '../../fetch/site-access-flags.js';
import { resolveSiteAccess } from '../../fetch/site-access.js';
import { collect, print } from '../context.js';
import { terminalJson, terminalText } from '../format.js';
import { tryJson, tryLines } from '../try-output.js';

interface TryFlags extends SiteAccessFlags {
  json?: boolean;
  browser?: boolean;
}

/**
 * `try URL`: the first thing to run when adding a bureau. Fetches one page the way the crawl
 * would and prints what it would archive or follow. Needs no config (a given one lends its
 * userAgent, fetch limits and site-access defaults; the flags win) and writes nothing.
 */
export function registerTry(program: Command): void {
  program
    .command('try')
    .description('fetch one page as the crawl would and print what it would archive (document) or follow (list page); writes nothing')
    .argument('<url>', 'an http(s) URL')
    .option('--json', 'print one JSON object (also on failure, with "error")')
    .option('--browser', 'render the page in the system Chromium, as a `fetch: browser` source does (browser.executablePath of a given config)')
    .option('--proxy <url>', "HTTP(S) or SOCKS proxy, as the config's `proxy`")
    .option('--header <"Name: value">', 'extra request header (repeatable)', collect, [])
    .option('--cookie <name=value>', "cookie sent to the URL's site (repeatable)", collect, [])
    .option('--insecure', 'skip certificate verification (tls.insecure)')
    .option('--ca <file>', 'PEM file of extra CAs (tls.ca)')
    .option('--legacy-renegotiation', 'allow servers without secure renegotiation (tls.legacyRenegotiation)')
    .action(async (url: string, flags: TryFlags, command: Command) => {
      const target = httpUrl(url);
      const config = configIfGiven(command);
      const access = resolveSiteAccess({ proxy: config.proxy, headers: config.headers, cookies: config.cookies, tls: config.tls }, siteAccessFromFlags(flags));
      // Loaded on use, like the crawl: the page pipeline is no business of the other commands' start.
      const { tryPage } = await import('../../crawl/try-page.js');
      const browser = flags.browser ? config.browser : undefined;
      const outcome = await tryPage(target, { userAgent: config.userAgent, fetch: config.fetch, access, browser });
      const stdout = { stdout: process.stdout };
      if (flags.json) print(stdout, terminalJson(tryJson(target, outcome), 2));
      if (!outcome.ok) throw new FatalError(outcome.message);
      if (!flags.json) for (const line of tryLines(outcome)) print(stdout, terminalText(line));
    });
}

function httpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`try: expected an absolute http(s) URL, got "${text.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`try: expected an http(s) URL, got a ${url.protocol} URL`);
  return url.href;
}

/** `--config` or $BUREAU_WATCH_CONFIG when given; never the default path: `try` needs no config. */
function configIfGiven(command: Command): Config {
  const path = command.optsWithGlobals<{ config?: string }>().config ?? process.env.BUREAU_WATCH_CONFIG;
  return path ? loadConfigFile(path) : validateConfig({});
}
