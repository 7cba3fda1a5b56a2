// Prints the config reference table; with --write, replaces it in README.md between the
// config-reference markers (tests/docs/readme.test.ts fails until README matches the schema).
import { readFileSync, writeFileSync } from 'node:fs';
import { configReferenceMarkdown } from '../src/config/reference.js';

const table = `${configReferenceMarkdown()}\n`;
if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const updated = readme.replace(
    /(<!-- config-reference:start -->\n)[\s\S]*?(<!-- config-reference:end -->)/,
    (_match, start: string, end: string) => `${start}${table}${end}`,
  );
  writeFileSync('README.md', updated);
} else {
  process.stdout.write(table);
}
