import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AccessPermanentError } from './access-errors.js';

/**
 * The Chromium a `fetch: browser` source drives: the system's, never one downloaded by a package.
 * Debian and Ubuntu name it `chromium` (`chromium-browser` on older Ubuntu); Google's builds are
 * `google-chrome`.
 */

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export const INSTALL_HINT = 'install one (Debian/Ubuntu: apt-get install chromium) or set browser.executablePath';

/** The executable to launch, or an error saying how to get one. */
export function findBrowserExecutable(configured: string | undefined, path = process.env.PATH ?? ''): string {
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new AccessPermanentError('browser-missing', `browser.executablePath ${configured} is not an executable file: ${INSTALL_HINT}`);
  }
  for (const name of CANDIDATES) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new AccessPermanentError('browser-missing', `no Chromium found for fetch: browser (looked for ${CANDIDATES.join(', ')} on PATH): ${INSTALL_HINT}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
