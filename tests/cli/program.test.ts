/**
 * The program loads only the module of the command it runs (src/cli/program.ts): it must find that
 * command where commander does, and each name must load the module that registers that command.
 */
import { describe, expect, it } from 'vitest';
import { buildProgram, commandName } from '../../src/cli/program.js';

describe('the command a command line runs', () => {
  it('is the first argument that is neither a program option nor its value', () => {
    expect(commandName(['search', '计划', '--limit', '3'])).toBe('search');
    expect(commandName(['--config', 'search', 'show', 'x'])).toBe('show');
    expect(commandName(['--quiet', '--log-format', 'json', 'stats'])).toBe('stats');
    expect(commandName(['--config=a.yaml', 'events'])).toBe('events');
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName([])).toBeUndefined();
  });

  it('is registered alone, by the module its name loads', async () => {
    const all = (await buildProgram()).commands.map((command) => command.name());
    expect(all).toContain('crawl');
    for (const name of all) {
      expect((await buildProgram(['--quiet', name, '--help'])).commands.map((command) => command.name())).toEqual([name]);
    }
  });

  it('is every command when the name is unknown (for the suggestion) and none for --version alone', async () => {
    const all = (await buildProgram()).commands.length;
    expect((await buildProgram(['serch', 'x'])).commands).toHaveLength(all);
    expect((await buildProgram(['--version'])).commands).toHaveLength(0);
  });
});
