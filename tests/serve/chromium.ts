/**
 * The system Chromium driven by playwright-core (nothing is downloaded: `.ci/run` installs Debian's
 * `chromium` when missing), with the flags the `fetch: browser` sources use and a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowserExecutable } from '../../src/fetch/browser-executable.js';
import { CHROMIUM_FLAGS } from '../../src/fetch/browser-launch.js';

/** The installed Chromium, or undefined (the browser tests then skip and say so). */
export function installedChromium(): string | undefined {
  try {
    return findBrowserExecutable(undefined);
  } catch {
    return undefined;
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'bw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
