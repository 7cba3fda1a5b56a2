import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveForMessages } from '../helpers/archive.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { children, parseAtom, text } from './atom-reader.js';

describe('export --format atom', () => {
  it('is written by `export --format atom`, with --alert and --limit checked', async () => {
    const test = archiveForMessages();
    const dir = tempDir();
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, `database: ${test.databasePath}\nalerts:\n  - name: new-plan\n    titlePattern: 计划\n`);
    const out = join(dir, 'plans.atom');
    const result = await runCli(['export', '--format', 'atom', '--alert', 'new-plan', '--limit', '1', '--out', out, '--config', configPath]);
    expect(result.code, result.stderr).toBe(0);
    const feed = parseAtom(readFileSync(out, 'utf8'));
    expect(children(feed, 'entry').map((entry) => text(entry, 'title'))).toEqual(['【新发布】2024年工作计划']);

    const usage = await Promise.all([
      runCli(['export', '--format', 'csv', '--alert', 'new-plan', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--source', 'nope', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--alert', 'typo', '--config', configPath]),
      runCli(['export', '--format', 'atom', '--limit', '0', '--config', configPath]),
    ]);
    expect(usage.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(usage[0].stderr).toContain('--alert and --limit apply to --format atom only');
    expect(usage[1].stderr).toContain('no source "nope" in the archive');
    expect(usage[2].stderr).toContain('no alert rule "typo"');
  });
});
