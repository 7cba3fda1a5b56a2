/**
 * The built CLI runs as `npx bureau-watch` and an installed `bureau-watch` run it: by its shebang
 * line, as an executable file (the build sets the bit: scripts/executable-bin.mjs).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../helpers/cli.js';
import { VERSION } from '../../src/version.js';

describe('the built CLI', () => {
  it('is an executable file that runs by its shebang line', () => {
    expect(statSync(CLI_ENTRY).mode & 0o111).toBe(0o111);
    expect(execFileSync(CLI_ENTRY, ['--version'], { encoding: 'utf8' }).trim()).toBe(VERSION);
  });
});
