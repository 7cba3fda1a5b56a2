/**
 * The program's version, read from package.json: the one place it is written. Both src/version.ts
 * and dist/version.js sit one level below the package root.
 */
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** "0.1" of "0.1.0": what the default User-Agent names. */
export const MAJOR_MINOR_VERSION = VERSION.split('.').slice(0, 2).join('.');
