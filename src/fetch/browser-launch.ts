import type { BrowserType } from 'playwright-core';
import type { SiteAccess } from './site-access.js';
import { spkiHashes } from './tls-ca.js';

/**
 * How Chromium is started for a `fetch: browser` source. Without the background-networking flags
 * Chromium keeps calling Google services at start; on a closed network those calls fail and its
 * own connections get refused with them. A fresh profile per run (--user-data-dir) keeps no state
 * between runs beyond what the archive holds.
 */

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchInput {
  chromium: BrowserType;
  executable: string;
  userDataDir: string;
  userAgent: string;
  access: SiteAccess;
}

/**
 * The PlaywrightCrawler options that launch the browser. The proxy goes to Crawlee's browser pool,
 * which chains it behind a local proxy of its own (Chromium takes no proxy credentials). Chromium
 * reads extra CAs from an NSS database, not a file: `tls.ca` becomes a list of trusted public keys
 * instead, which matches the certificates in the file as the server sends them.
 */
export function browserLaunchOptions({ chromium, executable, userDataDir, userAgent, access }: LaunchInput) {
  const args = [...CHROMIUM_FLAGS];
  if (access.tls.ca) args.push(`--ignore-certificate-errors-spki-list=${spkiHashes(access.tls.ca).join(',')}`);
  return {
    headless: true,
    launchContext: {
      launcher: chromium,
      useIncognitoPages: false,
      userDataDir,
      userAgent,
      proxyUrl: access.proxy,
      launchOptions: {
        executablePath: executable,
        args,
        userAgent,
        ignoreHTTPSErrors: access.tls.insecure,
        extraHTTPHeaders: withoutUserAgent(access.headers),
      },
    },
    // Crawlee's fingerprints would replace our User-Agent with a browser's.
    browserPoolOptions: { useFingerprints: false },
  };
}

/** The User-Agent is set on the context itself; a second one in the extra headers would clash. */
function withoutUserAgent(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'user-agent'));
}
