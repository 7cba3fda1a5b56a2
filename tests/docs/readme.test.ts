import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configReferenceMarkdown } from '../../src/config/reference.js';
import { buildProgram } from '../../src/cli/program.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README matches the code', () => {
  it('embeds the config reference generated from the schema (regenerate: npm run docs:config)', () => {
    const embedded = /<!-- config-reference:start -->\n([\s\S]*?)<!-- config-reference:end -->/.exec(readme)?.[1];
    expect(embedded?.trim()).toBe(configReferenceMarkdown().trim());
  });

  it('has the two Quick start commands', () => {
    expect(readme).toContain('npm ci && npx bureau-watch demo');
    expect(readme).toContain('npm test');
  });

  it('documents every CLI command', async () => {
    for (const command of (await buildProgram()).commands) expect(readme, command.name()).toContain(`| \`${command.name()}`);
  });
});
